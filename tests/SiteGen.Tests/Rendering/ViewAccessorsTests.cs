using System.Reflection;
using Fluid;
using SiteGen.Rendering;
using SiteGen.Rendering.Views;

namespace SiteGen.Tests.Rendering;

/// <summary>Templates read every member of every view model through a delegate, never by reflection.</summary>
public sealed class ViewAccessorsTests
{
    [Fact]
    public void EveryMemberOfEveryViewModelATemplateCanReachHasADelegate()
    {
        var access = new TemplateOptions().MemberAccessStrategy;
        ViewAccessors.Register(access);

        var byReflection = new List<string>();
        var members = 0;
        foreach (var type in Reachable(typeof(PageModel)))
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
            {
                var name = MemberNameStrategies.SnakeCase(property);
                var accessor = access.GetAccessor(type, name);
                members++;
                if (accessor is null || accessor.GetType().Name.Contains("Reflection", StringComparison.Ordinal) || accessor.GetType().Name.Contains("Info", StringComparison.Ordinal))
                {
                    byReflection.Add($"{type.Name}.{name} ({accessor?.GetType().Name ?? "none"})");
                }
            }
        }

        Assert.True(members > 80, $"only {members} members found");
        Assert.True(byReflection.Count == 0, "read by reflection: " + string.Join(", ", byReflection));
    }

    /// <summary>The view model types a template reaches from a page's model: member types and list element types, of the views' namespace.</summary>
    private static HashSet<Type> Reachable(Type root)
    {
        var found = new HashSet<Type>();
        var next = new Stack<Type>([root]);
        while (next.TryPop(out var type))
        {
            if (type.Namespace != typeof(PageModel).Namespace || !found.Add(type))
            {
                continue;
            }
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var member = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                next.Push(member.IsGenericType ? member.GetGenericArguments()[0] : member);
            }
        }
        return found;
    }
}
