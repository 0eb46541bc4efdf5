using System.Diagnostics;
using System.Reflection;

namespace TelemetryConventions.Runtime.Tests;

/// <summary>The raw identifier must never be readable from a <see cref="Pseudonym"/>, its debugger view or an error.</summary>
public sealed class RawValueConfinementTests
{
    private const string Raw = "NHS-943-476-5919";

    [Fact]
    public void To_string_and_interpolation_give_the_pseudonym_not_the_raw_value()
    {
        var pseudonymizer = TestKeys.Create();
        Pseudonym pseudonym = pseudonymizer.Pseudonymize("patient.id", Raw);

        Assert.DoesNotContain(Raw, pseudonym.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Raw, $"{pseudonym}", StringComparison.Ordinal);
        Assert.DoesNotContain("943", pseudonym.ToString(), StringComparison.Ordinal);
        Assert.Equal(pseudonymizer.Compute("patient.id", Raw), pseudonym.ToString());
        Assert.True(PseudonymFormat.IsPseudonym(pseudonym.ToString()));
    }

    [Fact]
    public void Numeric_raw_value_does_not_appear_either()
    {
        Pseudonym pseudonym = TestKeys.Create().Pseudonymize("patient.id", 9434765919L);

        Assert.DoesNotContain("9434765919", pseudonym.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Debugger_display_shows_the_pseudonym_and_hides_the_fields()
    {
        var display = typeof(Pseudonym).GetCustomAttribute<DebuggerDisplayAttribute>();
        Assert.NotNull(display);
        Assert.Equal("{DebuggerDisplay,nq}", display.Value);

        Pseudonym pseudonym = TestKeys.Create().Pseudonymize("patient.id", Raw);
        PropertyInfo property = typeof(Pseudonym).GetProperty("DebuggerDisplay", BindingFlags.Instance | BindingFlags.NonPublic)!;
        string shown = (string)property.GetValue(pseudonym)!;
        Assert.DoesNotContain(Raw, shown, StringComparison.Ordinal);
        Assert.True(PseudonymFormat.IsPseudonym(shown));
        Assert.Equal("(default)", (string)property.GetValue(default(Pseudonym))!);

        foreach (FieldInfo field in typeof(Pseudonym).GetFields(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public))
        {
            var browsable = field.GetCustomAttribute<DebuggerBrowsableAttribute>();
            Assert.True(browsable?.State == DebuggerBrowsableState.Never, $"field {field.Name} is visible in the debugger");
        }
    }

    [Fact]
    public void Errors_never_repeat_the_raw_value()
    {
        var pseudonymizer = TestKeys.Create();

        var notPseudonym = Assert.Throws<ArgumentException>(() => Pseudonym.FromComputed(Raw));
        Assert.DoesNotContain(Raw, notPseudonym.Message, StringComparison.Ordinal);
        Assert.Contains("Pseudonymize", notPseudonym.Message, StringComparison.Ordinal);

        var badDomain = Assert.Throws<ArgumentException>(() => pseudonymizer.Pseudonymize("patient\u001Fid", Raw));
        Assert.DoesNotContain(Raw, badDomain.Message, StringComparison.Ordinal);

        var badDomainCompute = Assert.Throws<ArgumentException>(() => pseudonymizer.Compute("", Raw));
        Assert.DoesNotContain(Raw, badDomainCompute.Message, StringComparison.Ordinal);

        var badDomainNumber = Assert.Throws<ArgumentException>(() => pseudonymizer.Compute("", 9434765919L));
        Assert.DoesNotContain("9434765919", badDomainNumber.Message, StringComparison.Ordinal);
    }
}
