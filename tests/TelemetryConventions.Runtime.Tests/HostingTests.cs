using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace TelemetryConventions.Runtime.Tests;

/// <summary>The service registration: options from configuration, one injected instance, and the start-up check a host runs.</summary>
public sealed class HostingTests
{
    private static readonly string Sequential = Convert.ToBase64String(TestKeys.Sequential32);
    private static readonly string Other = Convert.ToBase64String(TestKeys.Other32);

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddTelemetryPseudonymizer(configuration).BuildServiceProvider();
    }

    /// <summary>What a .NET 8+ host does when it starts: run every ValidateOnStart check.</summary>
    private static void Start(IServiceProvider provider) => provider.GetRequiredService<IStartupValidator>().Validate();

    [Fact]
    public void Key_and_key_id_come_from_configuration_and_every_consumer_gets_the_same_instance()
    {
        using var provider = Build(new()
        {
            ["Telemetry:Pseudonymizer:Key"] = Sequential,
            ["Telemetry:Pseudonymizer:KeyId"] = "k1",
            ["Telemetry:Pseudonymizer:CacheSize"] = "0",
        });
        Start(provider);
        var pseudonymizer = provider.GetRequiredService<Pseudonymizer>();

        Assert.Same(pseudonymizer, provider.GetRequiredService<Pseudonymizer>());
        // The documented vector: the configured key is the one used.
        Assert.Equal("k1:Fu4cCCCxoJtroFNW0tB6xA", pseudonymizer.Compute("patient.id", "12345"));
    }

    [Fact]
    public void A_missing_key_stops_the_host_at_start_up_naming_the_configuration_value()
    {
        using var provider = Build(new() { ["Telemetry:Pseudonymizer:KeyId"] = "k1" });

        var problem = Assert.Throws<OptionsValidationException>(() => Start(provider));
        Assert.Contains("Telemetry:Pseudonymizer:Key is not set", problem.Message);
        Assert.Contains("Telemetry__Pseudonymizer__Key", problem.Message);
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<Pseudonymizer>());
    }

    [Fact]
    public void A_short_key_or_missing_key_id_is_refused_without_repeating_the_key()
    {
        var shortKey = Convert.ToBase64String(TestKeys.Sequential32[..16]);
        using var shortProvider = Build(new() { ["Telemetry:Pseudonymizer:Key"] = shortKey, ["Telemetry:Pseudonymizer:KeyId"] = "k1" });
        var tooShort = Assert.Throws<OptionsValidationException>(() => Start(shortProvider));
        Assert.Contains("16 bytes long", tooShort.Message);
        Assert.DoesNotContain(shortKey, tooShort.Message);

        using var noId = Build(new() { ["Telemetry:Pseudonymizer:Key"] = Sequential });
        Assert.Contains("Telemetry:Pseudonymizer:KeyId", Assert.Throws<OptionsValidationException>(() => Start(noId)).Message);
    }

    [Fact]
    public void After_a_rotation_pseudonyms_of_the_earlier_key_still_verify_and_new_ones_use_the_new_key()
    {
        var before = TestKeys.Create(TestKeys.Sequential32, "k1").Compute("patient.id", "12345");
        using var provider = Build(new()
        {
            ["Telemetry:Pseudonymizer:Key"] = Other,
            ["Telemetry:Pseudonymizer:KeyId"] = "k2",
            ["Telemetry:Pseudonymizer:VerificationKeys:k1"] = Sequential,
        });
        Start(provider);
        var pseudonymizer = provider.GetRequiredService<Pseudonymizer>();

        Assert.StartsWith("k2:", pseudonymizer.Compute("patient.id", "12345"));
        Assert.Equal(new[] { "k1" }, pseudonymizer.VerificationKeyIds);
        Assert.True(pseudonymizer.Verify("patient.id", "12345", before));
        Assert.True(pseudonymizer.Verify("patient.id", 12345L, before));
        Assert.True(pseudonymizer.Verify("patient.id", "12345", pseudonymizer.Compute("patient.id", "12345")));
        Assert.False(pseudonymizer.Verify("patient.id", "12346", before));
        Assert.False(pseudonymizer.Verify("student.id", "12345", before));
        Assert.False(pseudonymizer.Verify("patient.id", "12345", "k9:" + before[3..]));
        Assert.False(pseudonymizer.Verify("patient.id", "12345", "12345"));
    }

    [Fact]
    public void A_verification_key_must_be_a_real_key_under_another_id()
    {
        using var sameId = Build(new()
        {
            ["Telemetry:Pseudonymizer:Key"] = Other,
            ["Telemetry:Pseudonymizer:KeyId"] = "k2",
            ["Telemetry:Pseudonymizer:VerificationKeys:k2"] = Sequential,
        });
        Assert.Contains("repeats the current key id", Assert.Throws<OptionsValidationException>(() => Start(sameId)).Message);
    }

    [Fact]
    public void Options_can_be_set_in_code_for_a_key_from_a_vault()
    {
        using var provider = new ServiceCollection()
            .AddTelemetryPseudonymizer(options =>
            {
                options.Key = TestKeys.Sequential32;
                options.KeyId = "k1";
            })
            .BuildServiceProvider();
        Start(provider);
        Assert.Equal("k1:Fu4cCCCxoJtroFNW0tB6xA", provider.GetRequiredService<Pseudonymizer>().Compute("patient.id", 12345L));
    }
}
