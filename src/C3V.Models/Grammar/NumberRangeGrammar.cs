using System.Globalization;
using System.Numerics;
using System.Text;

namespace C3V.Models.Grammar;

/// <summary>
/// GBNF for the decimal numbers between a minimum and a maximum, written as JSON writes them: an optional
/// minus, an integer part without leading zeros, and up to <c>decimals</c> fraction digits. A number with k
/// fraction digits is the integer V = x·10^k written with a dot before its last k digits, so for each k the
/// allowed V form an integer range, and an integer range over digit strings of one length is a short
/// recursion on the first digit where the bounds differ.
/// </summary>
public static class NumberRangeGrammar
{
    public static string Expression(decimal minimum, decimal maximum, int decimals)
    {
        if (minimum > maximum) throw new ArgumentException($"the range {minimum}…{maximum} is empty");
        var alternatives = new List<string>();
        for (int k = 0; k <= decimals; k++)
        {
            decimal scale = Pow10(k);
            // negative part: |x| in [max(0, -maximum), -minimum]
            if (minimum < 0)
            {
                var lo = new BigInteger(Math.Ceiling(Math.Max(0, -maximum) * scale));
                var hi = new BigInteger(Math.Floor(-minimum * scale));
                if (lo == 0) lo = 1; // no "-0"
                if (lo <= hi) alternatives.AddRange(Unsigned(lo, hi, k).Select(a => "\"-\" " + a));
            }
            if (maximum >= 0)
            {
                var lo = new BigInteger(Math.Ceiling(Math.Max(0, minimum) * scale));
                var hi = new BigInteger(Math.Floor(maximum * scale));
                if (lo <= hi) alternatives.AddRange(Unsigned(lo, hi, k));
            }
        }
        if (alternatives.Count == 0) throw new ArgumentException($"no number with at most {decimals} decimals lies in {minimum}…{maximum}");
        return "(" + string.Join(" | ", alternatives.Distinct()) + ")";
    }

    static decimal Pow10(int k) => (decimal)Math.Pow(10, k);

    /// <summary>The integers lo…hi written with k fraction digits, one alternative per written length.</summary>
    static IEnumerable<string> Unsigned(BigInteger lo, BigInteger hi, int k)
    {
        int minLength = k + 1; // 0.05 is V = 5 padded to "005"
        int loLength = Math.Max(minLength, lo.ToString(CultureInfo.InvariantCulture).Length);
        int hiLength = Math.Max(minLength, hi.ToString(CultureInfo.InvariantCulture).Length);
        for (int length = loLength; length <= hiLength; length++)
        {
            BigInteger first = length == minLength ? 0 : BigInteger.Pow(10, length - 1);
            BigInteger last = BigInteger.Pow(10, length) - 1;
            BigInteger a = BigInteger.Max(lo, first), b = BigInteger.Min(hi, last);
            if (a > b) continue;
            string aText = a.ToString(CultureInfo.InvariantCulture).PadLeft(length, '0');
            string bText = b.ToString(CultureInfo.InvariantCulture).PadLeft(length, '0');
            yield return Between(aText, bText, 0, length - k, k > 0);
        }
    }

    /// <summary>Digit strings s with a ≤ s ≤ b (same length), from position i on; a dot goes before position <paramref name="dot"/>.</summary>
    static string Between(string a, string b, int i, int dot, bool fraction)
    {
        if (i == a.Length) return "";
        string point = fraction && i == dot ? "\".\" " : "";
        if (a[i..].All(c => c == '0') && b[i..].All(c => c == '9')) return Any(i, a.Length, dot, fraction);
        if (a[i] == b[i]) return Join($"{point}\"{a[i]}\"", Between(a, b, i + 1, dot, fraction));
        string nines = new('9', a.Length), zeros = new('0', a.Length);
        var parts = new List<string> { Join($"{point}\"{a[i]}\"", Between(a, nines, i + 1, dot, fraction)) };
        if (b[i] - a[i] >= 2)
            parts.Add(Join(point + (b[i] - a[i] == 2 ? $"\"{(char)(a[i] + 1)}\"" : $"[{(char)(a[i] + 1)}-{(char)(b[i] - 1)}]"), Any(i + 1, a.Length, dot, fraction)));
        parts.Add(Join($"{point}\"{b[i]}\"", Between(zeros, b, i + 1, dot, fraction)));
        return "(" + string.Join(" | ", parts) + ")";
    }

    static string Any(int i, int length, int dot, bool fraction)
    {
        var sb = new StringBuilder();
        for (int j = i; j < length; j++)
        {
            if (fraction && j == dot) sb.Append("\".\" ");
            sb.Append("[0-9] ");
        }
        return sb.ToString().TrimEnd();
    }

    static string Join(string head, string tail) => $"{head} {tail}".Trim();
}
