using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace TherapyBilling.Rules;

/// <summary>The one place where API misuse becomes an exception.</summary>
internal static class Guard
{
    public static T NotNull<T>([NotNull] T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, name);
        return value;
    }

    public static int NotNegative(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, name);
        return value;
    }

    public static UnitMethod Defined(UnitMethod method, [CallerArgumentExpression(nameof(method))] string? name = null)
    {
        if (method is not (UnitMethod.Cms or UnitMethod.Ama))
        {
            throw new ArgumentOutOfRangeException(name, method, "Unknown unit method; use UnitMethod.Cms or UnitMethod.Ama.");
        }

        return method;
    }

    public static void NotDefault(CptCode code, [CallerArgumentExpression(nameof(code))] string? name = null)
    {
        if (code.IsDefault)
        {
            throw new ArgumentException("The code is default(CptCode); create codes with CptCode.Parse.", name);
        }
    }
}
