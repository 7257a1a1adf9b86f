#if !NET
// The netstandard2.0 build only (for .NET Framework 4.6.2+ and Mono). These are the few framework members the rules
// use that netstandard2.0 lacks, written out with the same behaviour. The net10.0 build compiles none of this and
// uses the framework's own members. Keep every difference between the two builds in this folder.
using System.Buffers;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Text;
using NodaTime;

namespace System.Buffers
{
    /// <summary>The callback of <c>string.Create</c> (netstandard2.0 has no such delegate).</summary>
    internal delegate void SpanAction<T, in TArg>(Span<T> span, TArg arg);
}

namespace TherapyBilling.Rules
{
    internal static class NetStandardPolyfills
    {
        extension(char)
        {
            public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

            public static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

            public static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetter(c) || char.IsAsciiDigit(c);
        }

        extension(string)
        {
            public static string Create<TState>(int length, TState state, SpanAction<char, TState> action)
            {
                var buffer = new char[length];
                action(buffer, state);
                return new string(buffer);
            }
        }

        extension(string)
        {
            public static string Create(IFormatProvider? provider, FormattableString text) => text.ToString(provider);

            public static string Join(char separator, IEnumerable<string> values) => string.Join(separator.ToString(), values);
        }

        extension(DateTime)
        {
            public static bool TryParseExact(ReadOnlySpan<char> text, string[] formats, IFormatProvider? provider, System.Globalization.DateTimeStyles style, out DateTime result) =>
                DateTime.TryParseExact(text.ToString(), formats, provider, style, out result);
        }

        extension(int)
        {
            public static bool TryParse(ReadOnlySpan<char> text, System.Globalization.NumberStyles style, IFormatProvider? provider, out int value) =>
                int.TryParse(text.ToString(), style, provider, out value);
        }

        extension(long)
        {
            public static bool TryParse(ReadOnlySpan<char> text, System.Globalization.NumberStyles style, IFormatProvider? provider, out long value) =>
                long.TryParse(text.ToString(), style, provider, out value);
        }

        extension(decimal)
        {
            public static bool TryParse(ReadOnlySpan<char> text, System.Globalization.NumberStyles style, IFormatProvider? provider, out decimal value) =>
                decimal.TryParse(text.ToString(), style, provider, out value);
        }

        extension(LocalDate date)
        {
            /// <summary>Stands in for NodaTime's net6+ <c>ToDateOnly()</c> where only the day number is read.</summary>
            public DayNumberOnly ToDateOnly() => new(Period.Between(new LocalDate(1, 1, 1), date, PeriodUnits.Days).Days);
        }

        extension(ArgumentNullException)
        {
            public static void ThrowIfNull([NotNull] object? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
            {
                if (argument is null)
                {
                    throw new ArgumentNullException(paramName);
                }
            }
        }

        extension(ArgumentOutOfRangeException)
        {
            public static void ThrowIfNegative<T>(T value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
                where T : IComparable<T>
            {
                if (value.CompareTo(default!) < 0)
                {
                    throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} ('{value}') must be a non-negative value.");
                }
            }

            public static void ThrowIfLessThan<T>(T value, T other, [CallerArgumentExpression(nameof(value))] string? paramName = null)
                where T : IComparable<T>
            {
                if (value.CompareTo(other) < 0)
                {
                    throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} ('{value}') must be greater than or equal to '{other}'.");
                }
            }

            public static void ThrowIfGreaterThan<T>(T value, T other, [CallerArgumentExpression(nameof(value))] string? paramName = null)
                where T : IComparable<T>
            {
                if (value.CompareTo(other) > 0)
                {
                    throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} ('{value}') must be less than or equal to '{other}'.");
                }
            }
        }

        extension(Enum)
        {
            public static TEnum[] GetValues<TEnum>() where TEnum : struct, Enum => (TEnum[])Enum.GetValues(typeof(TEnum));
        }

        extension(Encoding)
        {
            public static Encoding Latin1 => Encoding.GetEncoding(28591);
        }

        public static IOrderedEnumerable<T> Order<T>(this IEnumerable<T> source) => source.OrderBy(static x => x);

        public static IOrderedEnumerable<T> Order<T>(this IEnumerable<T> source, IComparer<T> comparer) => source.OrderBy(static x => x, comparer);

        public static int IndexOf(this string text, char value, StringComparison comparison) =>
            comparison == StringComparison.Ordinal ? text.IndexOf(value) : text.IndexOf(value.ToString(), comparison);

        public static TValue? GetValueOrDefault<TKey, TValue>(this Dictionary<TKey, TValue> dictionary, TKey key)
            where TKey : notnull => dictionary.TryGetValue(key, out var value) ? value : default;

        public static TValue? GetValueOrDefault<TKey, TValue>(this IReadOnlyDictionary<TKey, TValue> dictionary, TKey key)
            where TKey : notnull => dictionary.TryGetValue(key, out var value) ? value : default;

        public static HashSet<T> ToHashSet<T>(this IEnumerable<T> source, IEqualityComparer<T>? comparer = null) => new(source, comparer);

        /// <summary>Counts the occurrences of <paramref name="value"/> (as .NET 8's <c>MemoryExtensions.Count</c>).</summary>
        public static int Count<T>(this ReadOnlySpan<T> span, T value)
            where T : IEquatable<T>
        {
            int count = 0;
            foreach (var item in span)
            {
                count += item.Equals(value) ? 1 : 0;
            }

            return count;
        }

        public static bool StartsWith(this string text, char value) => text.Length > 0 && text[0] == value;

        public static bool EndsWith(this string text, char value) => text.Length > 0 && text[text.Length - 1] == value;

        public static bool Contains(this string text, char value) => text.IndexOf(value) >= 0;

        public static bool Contains(this string text, string value, StringComparison comparison) => text.IndexOf(value, comparison) >= 0;

        public static string[] Split(this string text, char separator, StringSplitOptions options) => text.Split([separator], options);

        public static string Replace(this string text, string oldValue, string? newValue, StringComparison comparison)
        {
            if (comparison != StringComparison.Ordinal)
            {
                throw new NotSupportedException("Only ordinal replacement is used by the library.");
            }

            return text.Replace(oldValue, newValue);
        }

        /// <summary>Splits <paramref name="source"/> at <paramref name="separator"/> into at most <c>destination.Length</c> ranges, the last taking the rest (as .NET 8's <c>MemoryExtensions.Split</c>).</summary>
        public static int Split(this ReadOnlySpan<char> source, Span<Range> destination, char separator)
        {
            if (destination.IsEmpty)
            {
                return 0;
            }

            int count = 0;
            int start = 0;
            while (count < destination.Length - 1)
            {
                int at = source.Slice(start).IndexOf(separator);
                if (at < 0)
                {
                    break;
                }

                destination[count++] = new Range(start, start + at);
                start += at + 1;
            }

            destination[count++] = new Range(start, source.Length);
            return count;
        }

    }

    /// <summary>The day number of a date (days since 0001-01-01), as <c>DateOnly.DayNumber</c> gives on .NET 6+.</summary>
    internal readonly record struct DayNumberOnly(int DayNumber);
}
#endif
