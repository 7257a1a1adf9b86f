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

    public static int? NotNegative(int? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is int v)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(v, name);
        }

        return value;
    }

    public static int InRange(int value, int min, int max, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, min, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, max, name);
        return value;
    }

    /// <summary>A <see langword="default"/> array (what <c>with { X = default }</c> gives) is read as empty.</summary>
    public static System.Collections.Immutable.ImmutableArray<T> EmptyIfDefault<T>(System.Collections.Immutable.ImmutableArray<T> value) => value.IsDefault ? [] : value;

    /// <summary>Normalises a <see langword="default"/> array to empty and refuses <see langword="null"/> elements.</summary>
    public static System.Collections.Immutable.ImmutableArray<T> NoNulls<T>(System.Collections.Immutable.ImmutableArray<T> value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
    {
        if (value.IsDefault)
        {
            return [];
        }

        foreach (var item in value)
        {
            if (item is null)
            {
                throw new ArgumentException("The array must not contain null.", name);
            }
        }

        return value;
    }

    public static Discipline? Defined(Discipline? discipline, [CallerArgumentExpression(nameof(discipline))] string? name = null)
    {
        if (discipline is { } d && d is not (Discipline.PhysicalTherapy or Discipline.OccupationalTherapy or Discipline.SpeechLanguagePathology))
        {
            throw new ArgumentOutOfRangeException(name, d, "Unknown discipline; use PhysicalTherapy, OccupationalTherapy or SpeechLanguagePathology.");
        }

        return discipline;
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
