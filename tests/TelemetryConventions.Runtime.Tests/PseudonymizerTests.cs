using System.Security.Cryptography;
using System.Text;

namespace TelemetryConventions.Runtime.Tests;

public sealed class PseudonymizerTests
{
    [Fact]
    public void Same_raw_value_in_different_domains_gives_unrelated_pseudonyms()
    {
        var pseudonymizer = TestKeys.Create();

        string patient = pseudonymizer.Compute("patient.id", "12345");
        string student = pseudonymizer.Compute("student.id", "12345");

        Assert.NotEqual(patient, student);
        // Unrelated, not merely different: about half of the 128 bits differ, as between random values.
        int differingBits = 0;
        byte[] a = FromBase64Url(patient[3..]);
        byte[] b = FromBase64Url(student[3..]);
        for (int i = 0; i < a.Length; i++)
        {
            differingBits += System.Numerics.BitOperations.PopCount((uint)(a[i] ^ b[i]));
        }

        Assert.InRange(differingBits, 40, 88);
    }

    private static byte[] FromBase64Url(string text) =>
        Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/') + "==");

    [Fact]
    public void Separator_cannot_be_shifted_between_domain_and_raw_value()
    {
        var pseudonymizer = TestKeys.Create();

        Assert.NotEqual(pseudonymizer.Compute("a.b", "c"), pseudonymizer.Compute("a", ".bc"));
        Assert.Throws<ArgumentException>(() => pseudonymizer.Compute("a\u001Fb", "c"));
        // The separator is allowed inside the raw value: the first one always ends the domain.
        Assert.True(PseudonymFormat.IsPseudonym(pseudonymizer.Compute("a", "b\u001Fc")));
    }

    [Fact]
    public void Same_inputs_give_the_same_pseudonym_across_instances()
    {
        Assert.Equal(
            TestKeys.Create().Compute("patient.id", "12345"),
            TestKeys.Create(cacheSize: 0).Compute("patient.id", "12345"));
    }

    [Fact]
    public void Every_pseudonym_starts_with_the_key_id()
    {
        var pseudonymizer = TestKeys.Create(keyId: "prod-2025_q3");

        Assert.Equal("prod-2025_q3", pseudonymizer.KeyId);
        Assert.StartsWith("prod-2025_q3:", pseudonymizer.Compute("patient.id", "12345"), StringComparison.Ordinal);
        Assert.StartsWith("prod-2025_q3:", pseudonymizer.Pseudonymize("patient.id", 12345L).Value, StringComparison.Ordinal);
        Assert.Equal("prod-2025_q3:".Length + PseudonymFormat.EncodedMacLength, pseudonymizer.Compute("x", "y").Length);
    }

    [Fact]
    public void Rotating_the_key_changes_the_prefix_and_the_mac()
    {
        var before = TestKeys.Create(TestKeys.Sequential32, "k1");
        var after = TestKeys.Create(TestKeys.Other32, "k2");

        string old = before.Compute("patient.id", "12345");
        string rotated = after.Compute("patient.id", "12345");

        Assert.StartsWith("k1:", old, StringComparison.Ordinal);
        Assert.StartsWith("k2:", rotated, StringComparison.Ordinal);
        Assert.NotEqual(old[3..], rotated[3..]);
    }

    [Fact]
    public void Outputs_have_the_pseudonym_format()
    {
        var pseudonymizer = TestKeys.Create();
        for (int i = 0; i < 500; i++)
        {
            Assert.True(PseudonymFormat.IsPseudonym(pseudonymizer.Compute("patient.id", i)));
        }

        Assert.True(PseudonymFormat.IsPseudonym(pseudonymizer.Compute("patient.id", string.Empty)));
    }

    public static TheoryData<string> NotPseudonyms()
    {
        string sha256Hex = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("12345")));
        return new TheoryData<string>
        {
            "",
            "12345",
            "patient-12345",
            "zoe@example.org",
            "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
            sha256Hex,
            "sha256:" + sha256Hex,
            "k1:" + sha256Hex[..22],                 // hex is base64url-shaped, but its last char must be A, Q, g or w
            "k1:Fu4cCCCxoJtroFNW0tB6xB",             // non-canonical last character
            "k1:Fu4cCCCxoJtroFNW0tB6x",              // 21 characters
            "k1:Fu4cCCCxoJtroFNW0tB6xAA",            // 23 characters
            "k1:Fu4cCCCxoJtroFNW0tB6x=",             // padding
            "k1:Fu4cCCCxoJtroFNW0tB6+A",             // standard base64 alphabet
            ":Fu4cCCCxoJtroFNW0tB6xA",               // no key id
            "k.1:Fu4cCCCxoJtroFNW0tB6xA",            // '.' in key id
            "abcdefghijklmnopq:Fu4cCCCxoJtroFNW0tB6xA", // 17-character key id
            "k1:k1:Fu4cCCCxoJtroFNW0tB6xA",
            "k1 :Fu4cCCCxoJtroFNW0tB6xA",
        };
    }

    [Theory]
    [MemberData(nameof(NotPseudonyms))]
    public void Raw_identifiers_and_unkeyed_hashes_are_not_pseudonyms(string text)
    {
        Assert.False(PseudonymFormat.IsPseudonym(text));
    }

    [Fact]
    public void Longest_key_id_is_a_pseudonym()
    {
        Assert.True(PseudonymFormat.IsPseudonym("abcdefghijklmnop:Fu4cCCCxoJtroFNW0tB6xA"));
        Assert.Equal(PseudonymFormat.MaxLength, "abcdefghijklmnop:Fu4cCCCxoJtroFNW0tB6xA".Length);
    }

    [Fact]
    public void Pseudonymize_defers_the_mac_until_value_is_read()
    {
        var pseudonymizer = TestKeys.Create();

        Pseudonym text = pseudonymizer.Pseudonymize("patient.id", "12345");
        Pseudonym number = pseudonymizer.Pseudonymize("patient.id", 67890L);
        Assert.Equal(0, pseudonymizer.MacComputations);
        Assert.Equal("patient.id", text.Domain);
        Assert.False(text.IsDefault);
        Assert.Equal(0, pseudonymizer.MacComputations);

        Assert.Equal("k1:Fu4cCCCxoJtroFNW0tB6xA", text.Value);
        Assert.Equal(1, pseudonymizer.MacComputations);
        Assert.Equal("k1:Fu4cCCCxoJtroFNW0tB6xA", text.Value);
        Assert.Equal(1, pseudonymizer.MacComputations);

        Assert.True(PseudonymFormat.IsPseudonym(number.Value));
        Assert.Equal(2, pseudonymizer.MacComputations);
    }

    [Fact]
    public void Unread_pseudonyms_never_cost_a_mac()
    {
        var pseudonymizer = TestKeys.Create(cacheSize: 0);
        for (int i = 0; i < 1000; i++)
        {
            _ = pseudonymizer.Pseudonymize("patient.id", i);
        }

        Assert.Equal(0, pseudonymizer.MacComputations);
    }

    [Fact]
    public void Equality_compares_pseudonym_text()
    {
        var pseudonymizer = TestKeys.Create();
        Pseudonym deferred = pseudonymizer.Pseudonymize("patient.id", "12345");
        Pseudonym number = pseudonymizer.Pseudonymize("patient.id", 12345L);
        Pseudonym computed = Pseudonym.FromComputed("k1:Fu4cCCCxoJtroFNW0tB6xA");
        Pseudonym other = pseudonymizer.Pseudonymize("student.id", "12345");

        Assert.True(deferred == number);
        Assert.True(deferred.Equals(computed));
        Assert.Equal(deferred.GetHashCode(), computed.GetHashCode());
        Assert.True(deferred != other);
        Assert.NotEqual(deferred, default);
        Assert.Equal(default, default(Pseudonym));
    }

    [Fact]
    public void Equal_inputs_compare_equal_without_computing()
    {
        var pseudonymizer = TestKeys.Create();

        Assert.True(pseudonymizer.Pseudonymize("patient.id", "12345") == pseudonymizer.Pseudonymize("patient.id", "12345"));
        Assert.Equal(0, pseudonymizer.MacComputations);
    }

    [Fact]
    public void From_computed_keeps_the_text_and_has_no_domain()
    {
        Pseudonym pseudonym = Pseudonym.FromComputed("k1:Fu4cCCCxoJtroFNW0tB6xA");

        Assert.Equal("k1:Fu4cCCCxoJtroFNW0tB6xA", pseudonym.Value);
        Assert.Equal("k1:Fu4cCCCxoJtroFNW0tB6xA", pseudonym.ToString());
        Assert.Equal(string.Empty, pseudonym.Domain);
        Assert.False(pseudonym.IsDefault);
        Assert.Throws<ArgumentNullException>(() => Pseudonym.FromComputed(null!));
    }

    [Fact]
    public void Default_pseudonym_holds_nothing()
    {
        Pseudonym none = default;

        Assert.True(none.IsDefault);
        Assert.Equal(string.Empty, none.ToString());
        Assert.Equal(string.Empty, none.Domain);
        var error = Assert.Throws<InvalidOperationException>(() => none.Value);
        Assert.Contains("default", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Domain_and_raw_value_are_required()
    {
        var pseudonymizer = TestKeys.Create();

        Assert.Throws<ArgumentException>(() => pseudonymizer.Compute("", "12345"));
        Assert.Throws<ArgumentNullException>(() => pseudonymizer.Compute(null!, "12345"));
        Assert.Throws<ArgumentNullException>(() => pseudonymizer.Compute("patient.id", null!));
        Assert.Throws<ArgumentNullException>(() => pseudonymizer.Pseudonymize("patient.id", null!));
        Assert.Throws<ArgumentException>(() => pseudonymizer.Pseudonymize("", 1L));
    }

    [Fact]
    public void Key_is_copied_at_construction()
    {
        byte[] key = (byte[])TestKeys.Sequential32.Clone();
        var pseudonymizer = new Pseudonymizer(TestKeys.Options(key));
        string before = pseudonymizer.Compute("patient.id", "12345");

        key[0] ^= 0xFF;
        pseudonymizer.ClearCache();

        Assert.Equal(before, pseudonymizer.Compute("patient.id", "12345"));
    }
}
