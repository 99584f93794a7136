"""{% fragment "name" part ... %}…{% endfragment %}: a piece of a page rendered once per content version.

The rendered HTML is kept under the name, the parts and the content version (pagecache.fragment), in
the shared cache and in this process's recent entries; any change to what visitors see retires it.
Put inside only what is the same for everyone the parts describe: a member's name, buttons or CSRF
token belong around it, or in its parts. Each use says so in a comment above it.
"""

from django import template

from pagecache.registry import fragment as kept_fragment

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist, self.name, self.parts = nodelist, name, parts

    def render(self, context) -> str:
        name, parts = self.name.resolve(context), [part.resolve(context) for part in self.parts]
        return kept_fragment(context.get("request"), name, parts, lambda: self.nodelist.render(context))


@register.tag
def fragment(parser, token) -> FragmentNode:
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError(f"'{bits[0]}' needs a name: {{% fragment \"name\" part ... %}}")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]])
