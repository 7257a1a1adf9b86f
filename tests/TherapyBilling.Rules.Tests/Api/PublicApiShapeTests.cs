using System.Reflection;

namespace TherapyBilling.Rules.Tests.Api;

/// <summary>
/// NodaTime-style design rules for the public surface: no type is open for inheritance by accident, and every value
/// type is immutable.
/// </summary>
public sealed class PublicApiShapeTests
{
    private static readonly Type[] s_publicTypes = typeof(CptCode).Assembly.GetExportedTypes();

    [Fact]
    public void PublicTypes_LiveInOneNamespace()
    {
        Assert.NotEmpty(s_publicTypes);
        Assert.All(s_publicTypes, t => Assert.Equal("TherapyBilling.Rules", t.Namespace));
    }

    [Fact]
    public void PublicClasses_AreSealedStaticOrAbstract()
    {
        var open = s_publicTypes
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Delegate).IsAssignableFrom(t))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(open.Count == 0, "Seal these public classes (or make them static or abstract): " + string.Join(", ", open));
    }

    [Fact]
    public void PublicStructs_AreReadOnly()
    {
        var mutable = s_publicTypes
            .Where(t => t.IsValueType && !t.IsEnum)
            .Where(t => !t.GetCustomAttributes(inherit: false).Any(a => a.GetType().FullName == "System.Runtime.CompilerServices.IsReadOnlyAttribute"))
            .Select(t => t.FullName)
            .ToList();
        Assert.True(mutable.Count == 0, "Make these public structs readonly: " + string.Join(", ", mutable));
    }

    [Fact]
    public void PublicStructs_HaveNoPublicSettableFields()
    {
        var fields = s_publicTypes
            .Where(t => t.IsValueType && !t.IsEnum)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Instance).Where(f => !f.IsInitOnly).Select(f => t.Name + "." + f.Name))
            .ToList();
        Assert.Empty(fields);
    }
}
