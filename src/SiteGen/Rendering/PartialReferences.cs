using Fluid;
using Fluid.Ast;

namespace SiteGen.Rendering;

/// <summary>
/// The partials a parsed template names in <c>{% render 'x' %}</c> and <c>{% include 'x' %}</c> (literal names
/// only), so a misspelt partial fails when the theme loads rather than on the first page that reaches it.
/// </summary>
internal sealed class PartialReferences : AstVisitor
{
    private readonly List<string> _names = [];

    public static IReadOnlyList<string> In(IFluidTemplate template)
    {
        var visitor = new PartialReferences();
        visitor.VisitTemplate(template);
        return visitor._names;
    }

    protected override Statement VisitRenderStatement(RenderStatement renderStatement)
    {
        _names.Add(renderStatement.Path);
        return base.VisitRenderStatement(renderStatement);
    }

    protected override Statement VisitIncludeStatement(IncludeStatement includeStatement)
    {
        if (includeStatement.Path is LiteralExpression literal)
        {
            _names.Add(literal.Value.ToStringValue());
        }

        return base.VisitIncludeStatement(includeStatement);
    }
}
