# Runtime error: storing into an attribute of the None at the end of a linked list -> AttributeError.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next


head = Node(1, Node(2))
node = head
while node is not None:
    print(node.value)
    node = node.next
head.next.value = 20
print(head.next.value)
head.next.next.value = 30
print("not reached")
