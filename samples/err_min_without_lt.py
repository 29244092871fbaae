# Runtime error: min() over instances without __lt__; a single item needs no comparison.
class Job:
    def __init__(self, cost):
        self.cost = cost

    def __repr__(self):
        return f"Job({self.cost})"


jobs = [Job(3)]
print(min(jobs))
print(min(jobs, key=lambda j: j.cost))
jobs.append(Job(1))
print(min(jobs, key=lambda j: j.cost))
print(min(jobs))
