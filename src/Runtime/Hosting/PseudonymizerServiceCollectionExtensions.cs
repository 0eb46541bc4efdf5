using System;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TelemetryConventions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the <see cref="Pseudonymizer"/> as a singleton whose options come from configuration (a secret store,
/// the environment, <c>appsettings.json</c>) or from code, validated when the host starts.
/// </summary>
public static class PseudonymizerServiceCollectionExtensions
{
    /// <summary>The configuration section read by default: <c>Telemetry:Pseudonymizer</c>.</summary>
    public const string DefaultSectionName = "Telemetry:Pseudonymizer";

    /// <summary>
    /// Adds a <see cref="Pseudonymizer"/> configured from the section <paramref name="sectionName"/> of
    /// <paramref name="configuration"/>: <c>Key</c> (base64), <c>KeyId</c>, optional <c>CacheSize</c>,
    /// <c>CacheLifetime</c> and <c>VerificationKeys</c> (key id to base64 key, for pseudonyms made before a rotation).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The application's configuration; the section is read when the pseudonymiser is first needed.</param>
    /// <param name="sectionName">The section holding the settings.</param>
    /// <returns>The service collection.</returns>
    /// <remarks>
    /// A missing or weak key stops the host at start-up (<see cref="OptionsValidationException"/>) with a message that
    /// names the configuration value to set; it never falls back to an unkeyed hash.
    /// </remarks>
    public static IServiceCollection AddTelemetryPseudonymizer(this IServiceCollection services, IConfiguration configuration, string sectionName = DefaultSectionName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(sectionName);
        var section = configuration.GetSection(sectionName);
        return services.AddTelemetryPseudonymizer(options => Read(section, options));
    }

    /// <summary>Adds a <see cref="Pseudonymizer"/> whose options are set in code (for example with a key fetched from a vault).</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the key, key id and cache settings.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddTelemetryPseudonymizer(this IServiceCollection services, Action<PseudonymizerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<PseudonymizerOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PseudonymizerOptions>, PseudonymizerOptionsValidation>());
        services.TryAddSingleton(provider => new Pseudonymizer(provider.GetRequiredService<IOptions<PseudonymizerOptions>>().Value));
        return services;
    }

    private static void Read(IConfigurationSection section, PseudonymizerOptions options)
    {
        options.ConfigurationPath = section.Path;
        if (section["Key"] is { } encoded && !string.IsNullOrWhiteSpace(encoded))
        {
            options.KeyProblem = PseudonymizerOptions.EnvironmentKeyProblem.None;
            if (Decode(encoded) is { } key)
            {
                options.Key = key;
            }
            else
            {
                options.KeyProblem = PseudonymizerOptions.EnvironmentKeyProblem.NotBase64;
            }
        }
        else if (options.Key is null)
        {
            options.KeyProblem = PseudonymizerOptions.EnvironmentKeyProblem.Missing;
        }
        if (section["KeyId"] is { } keyId && !string.IsNullOrWhiteSpace(keyId))
        {
            options.KeyId = keyId.Trim();
        }
        if (section["CacheSize"] is { } size)
        {
            options.CacheSize = int.TryParse(size, NumberStyles.Integer, CultureInfo.InvariantCulture, out var entries)
                ? entries
                : throw new OptionsValidationException(nameof(PseudonymizerOptions), typeof(PseudonymizerOptions),
                    new[] { $"The configuration value {section.Path}:CacheSize is not a whole number of entries." });
        }
        if (section["CacheLifetime"] is { } lifetime)
        {
            options.CacheLifetime = TimeSpan.TryParse(lifetime, CultureInfo.InvariantCulture, out var span)
                ? span
                : throw new OptionsValidationException(nameof(PseudonymizerOptions), typeof(PseudonymizerOptions),
                    new[] { $"The configuration value {section.Path}:CacheLifetime is not a time span such as 00:10:00." });
        }
        foreach (var verification in section.GetSection("VerificationKeys").GetChildren())
        {
            // The value is never repeated: it is a key.
            options.VerificationKeys[verification.Key] = Decode(verification.Value ?? "")
                ?? throw new OptionsValidationException(nameof(PseudonymizerOptions), typeof(PseudonymizerOptions),
                    new[] { $"The configuration value {verification.Path} is not valid base64." });
        }
    }

    private static byte[]? Decode(string encoded)
    {
        var trimmed = encoded.Trim();
        var buffer = new byte[trimmed.Length];
        return Convert.TryFromBase64String(trimmed, buffer, out var length) ? buffer.AsSpan(0, length).ToArray() : null;
    }

    /// <summary>Runs the pseudonymiser's own checks, so that the host reports them when it starts.</summary>
    private sealed class PseudonymizerOptionsValidation : IValidateOptions<PseudonymizerOptions>
    {
        public ValidateOptionsResult Validate(string? name, PseudonymizerOptions options)
        {
            try
            {
                _ = new Pseudonymizer(options);
                return ValidateOptionsResult.Success;
            }
            catch (ArgumentException problem)
            {
                // The message without the parameter-name suffix that ArgumentException appends.
                var message = problem.ParamName is { } parameter ? problem.Message.Replace($" (Parameter '{parameter}')", "", StringComparison.Ordinal) : problem.Message;
                return ValidateOptionsResult.Fail(message);
            }
        }
    }
}
