import sys, unittest
sys.path.insert(0, "src")
from slug import slugify
class T(unittest.TestCase):
    def test_basic(self): self.assertEqual(slugify("Hello World"), "hello-world")
    def test_strip(self): self.assertEqual(slugify("  A!  "), "a")
