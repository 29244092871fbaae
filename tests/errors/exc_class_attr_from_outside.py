# An exception class's attributes are the ones its methods assign to self,
# as for any class: one added from outside is rejected.
class JobError(Exception):
    def __init__(self, job):
        super().__init__(job)
        self.job = job


try:
    raise JobError("j1")
except JobError as e:
    e.retries = 3
    print(e.job, e.retries)
