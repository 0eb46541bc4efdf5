namespace TelemetryConventions.Runtime.Tests;

public sealed class KeyConfigurationTests
{
    [Fact]
    public void Missing_key_says_what_to_set()
    {
        var error = Assert.Throws<ArgumentException>(() => new Pseudonymizer(new PseudonymizerOptions { KeyId = "k1" }));

        Assert.Contains("TELEMETRY_PSEUDONYM_KEY", error.Message, StringComparison.Ordinal);
        Assert.Contains("PseudonymizerOptions.Key", error.Message, StringComparison.Ordinal);
        Assert.Contains("base64", error.Message, StringComparison.Ordinal);
        Assert.Contains("at least 32", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    [InlineData(31)]
    public void Short_key_is_refused(int length)
    {
        byte[] key = Enumerable.Range(1, length).Select(i => (byte)i).ToArray();

        var error = Assert.Throws<ArgumentException>(() => TestKeys.Create(key));

        Assert.Contains($"{length} bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("at least 32 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("TELEMETRY_PSEUDONYM_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_keys_are_accepted()
    {
        byte[] key = Enumerable.Range(0, 200).Select(i => (byte)i).ToArray();

        Assert.True(PseudonymFormat.IsPseudonym(TestKeys.Create(key).Compute("patient.id", "12345")));
    }

    [Fact]
    public void Placeholder_key_of_one_repeated_byte_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => TestKeys.Create(new byte[32]));

        Assert.Contains("placeholder", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Missing_key_id_says_what_to_set(string? keyId)
    {
        var options = TestKeys.Options();
        options.KeyId = keyId;

        var error = Assert.Throws<ArgumentException>(() => new Pseudonymizer(options));

        Assert.Contains("TELEMETRY_PSEUDONYM_KEY_ID", error.Message, StringComparison.Ordinal);
        Assert.Contains("PseudonymizerOptions.KeyId", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("k:1")]
    [InlineData("k 1")]
    [InlineData("key.one")]
    [InlineData("abcdefghijklmnopq")]
    [InlineData("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")]
    public void Malformed_key_id_is_refused_without_repeating_it(string keyId)
    {
        var error = Assert.Throws<ArgumentException>(() => TestKeys.Create(keyId: keyId));

        Assert.Contains("TELEMETRY_PSEUDONYM_KEY_ID", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(keyId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cache_settings_are_validated()
    {
        Assert.Contains("CacheSize", Assert.Throws<ArgumentException>(() => TestKeys.Create(cacheSize: -1)).Message, StringComparison.Ordinal);
        Assert.Contains("CacheLifetime", Assert.Throws<ArgumentException>(() => TestKeys.Create(lifetime: TimeSpan.Zero)).Message, StringComparison.Ordinal);
        // With the cache off the lifetime is irrelevant.
        Assert.Equal("k1", TestKeys.Create(cacheSize: 0, lifetime: TimeSpan.Zero).KeyId);
        Assert.Equal("k1", TestKeys.Create(lifetime: TimeSpan.MaxValue).KeyId);
    }

    [Fact]
    public void Options_from_environment_read_the_key_and_key_id()
    {
        using var variables = new EnvironmentScope();
        string keyVariable = variables.Set("TC_TEST_KEY_OK", "  " + Convert.ToBase64String(TestKeys.Sequential32) + "\n");
        string keyIdVariable = variables.Set("TC_TEST_KEY_ID_OK", "k1");

        var options = PseudonymizerOptions.FromEnvironment(keyVariable, keyIdVariable);
        var pseudonymizer = new Pseudonymizer(options);

        Assert.Equal(TestKeys.Sequential32, options.Key);
        Assert.Equal("k1", pseudonymizer.KeyId);
        Assert.Equal("k1:Fu4cCCCxoJtroFNW0tB6xA", pseudonymizer.Compute("patient.id", "12345"));
    }

    [Fact]
    public void Missing_environment_key_names_the_variable()
    {
        using var variables = new EnvironmentScope();
        string keyIdVariable = variables.Set("TC_TEST_KEY_ID_MISSING", "k1");
        string keyVariable = variables.Unset("TC_TEST_KEY_MISSING");

        var options = PseudonymizerOptions.FromEnvironment(keyVariable, keyIdVariable);
        var error = Assert.Throws<ArgumentException>(() => new Pseudonymizer(options));

        Assert.Null(options.Key);
        Assert.Contains("TC_TEST_KEY_MISSING is not set", error.Message, StringComparison.Ordinal);
        Assert.Contains("base64", error.Message, StringComparison.Ordinal);
        Assert.Contains("at least 32", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_key_can_be_completed_in_code()
    {
        using var variables = new EnvironmentScope();
        string keyVariable = variables.Unset("TC_TEST_KEY_LATER");
        string keyIdVariable = variables.Set("TC_TEST_KEY_ID_LATER", "vault1");

        var options = PseudonymizerOptions.FromEnvironment(keyVariable, keyIdVariable);
        options.Key = TestKeys.Other32;

        Assert.Equal("vault1", new Pseudonymizer(options).KeyId);
    }

    [Fact]
    public void Non_base64_environment_key_names_the_variable_and_not_the_value()
    {
        using var variables = new EnvironmentScope();
        string keyVariable = variables.Set("TC_TEST_KEY_BAD", "correct horse battery staple!");
        string keyIdVariable = variables.Set("TC_TEST_KEY_ID_BAD", "k1");

        var error = Assert.Throws<ArgumentException>(
            () => new Pseudonymizer(PseudonymizerOptions.FromEnvironment(keyVariable, keyIdVariable)));

        Assert.Contains("TC_TEST_KEY_BAD is not valid base64", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("horse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Short_environment_key_names_the_variable()
    {
        using var variables = new EnvironmentScope();
        string keyVariable = variables.Set("TC_TEST_KEY_SHORT", Convert.ToBase64String(TestKeys.Sequential32[..16]));
        string keyIdVariable = variables.Set("TC_TEST_KEY_ID_SHORT", "k1");

        var error = Assert.Throws<ArgumentException>(
            () => new Pseudonymizer(PseudonymizerOptions.FromEnvironment(keyVariable, keyIdVariable)));

        Assert.Contains("16 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("TC_TEST_KEY_SHORT", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(TestKeys.Sequential32[..16]), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_environment_key_id_names_the_variable()
    {
        using var variables = new EnvironmentScope();
        string keyVariable = variables.Set("TC_TEST_KEY_NOID", Convert.ToBase64String(TestKeys.Sequential32));
        string keyIdVariable = variables.Unset("TC_TEST_KEY_ID_NOID");

        var error = Assert.Throws<ArgumentException>(
            () => new Pseudonymizer(PseudonymizerOptions.FromEnvironment(keyVariable, keyIdVariable)));

        Assert.Contains("TC_TEST_KEY_ID_NOID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void From_environment_uses_the_default_variables()
    {
        using var variables = new EnvironmentScope();
        variables.Set(PseudonymizerOptions.DefaultKeyVariable, Convert.ToBase64String(TestKeys.Other32));
        variables.Set(PseudonymizerOptions.DefaultKeyIdVariable, "env2");

        var pseudonymizer = Pseudonymizer.FromEnvironment();

        Assert.Equal("env2", pseudonymizer.KeyId);
        Assert.Equal(
            DocumentedVectorTests.Independent(TestKeys.Other32, "env2", "patient.id", "12345"),
            pseudonymizer.Compute("patient.id", "12345"));

        variables.Unset(PseudonymizerOptions.DefaultKeyVariable);
        var error = Assert.Throws<ArgumentException>(Pseudonymizer.FromEnvironment);
        Assert.Contains("TELEMETRY_PSEUDONYM_KEY is not set", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Sets process environment variables for one test and puts the previous values back.</summary>
    private sealed class EnvironmentScope : IDisposable
    {
        private readonly Dictionary<string, string?> _previous = new(StringComparer.Ordinal);

        public string Set(string name, string? value)
        {
            _previous.TryAdd(name, Environment.GetEnvironmentVariable(name));
            Environment.SetEnvironmentVariable(name, value);
            return name;
        }

        public string Unset(string name) => Set(name, null);

        public void Dispose()
        {
            foreach ((string name, string? value) in _previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
