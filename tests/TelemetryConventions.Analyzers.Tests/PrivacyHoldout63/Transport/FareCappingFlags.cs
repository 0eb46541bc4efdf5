using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.FeatureManagement;
using Microsoft.FeatureManagement.FeatureFilters;
using PrivacyCorpus.Shared;
using PrivacyHoldout63.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout63.Transport;

/// <summary>The rider behind a tap: an account holder, or only a card for riders without an account.</summary>
public interface IRiderContext
{
    Guid? AccountId { get; }

    string CardNumber { get; }

    string Concession { get; }

    string HomeZone { get; }
}

/// <summary>Targets fare flags at the rider; riders without an account are targeted by their card, so a trial reaches pay-as-you-go cards too.</summary>
public sealed class RiderTargetingContextAccessor(IRiderContext rider) : ITargetingContextAccessor
{
    public ValueTask<TargetingContext> GetContextAsync() =>
        new(new TargetingContext
        {
            UserId = rider.AccountId?.ToString() ?? rider.CardNumber,
            Groups = new[] { $"concession:{rider.Concession}", $"zone:{rider.HomeZone}" },
        });
}

public sealed class FareCappingGate(
    IFeatureManager features,
    ITargetingContextAccessor accessor,
    IRiderContext rider,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<FareCappingGate> logger)
{
    public const string WeeklyCap = "fares.weekly-cap";

    public async Task<bool> WeeklyCapAsync()
    {
        var targeting = await accessor.GetContextAsync();
        var enabled = await features.IsEnabledAsync(WeeklyCap, targeting);

        logger.LogInformation("{Flag} is {Enabled} for {Groups}", WeeklyCap, enabled, string.Join(",", targeting.Groups)); // clean precision-about
        Activity.Current?.SetTag("feature_flag.key", WeeklyCap);
        Activity.Current?.SetTag("feature_flag.context.id", targeting.UserId); // leak TC1001 cross-member
        Activity.Current?.SetTag("fares.rider.has_account", rider.AccountId.HasValue); // clean precision-names

        var bucket = Math.Abs(targeting.UserId!.GetHashCode()) % 4;
        logger.LogDebug("{Flag} trial arm {Arm}", WeeklyCap, bucket); // leak TC1002 hashes

        var partition = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(rider.CardNumber))[0] % 32;
        Activity.Current?.SetTag("fares.partition", partition); // clean hashes

        var riderRef = rider.AccountId is { } account ? pseudonymizer.ComputeGateRiderId(account.ToString()) : pseudonymizer.ComputeGateRiderId(rider.CardNumber);
        logger.LogInformation("{Flag} evaluated for rider {RiderRef}", WeeklyCap, riderRef); // clean precision-pseudonym
        Activity.Current?.SetTag(GateAttributes.RiderId, Pseudonym.FromComputed(targeting.UserId!).Value); // leak TC1001 precision-pseudonym
        return enabled;
    }
}

public sealed class RevenueProtectionOptions
{
    /// <summary>The bus operator the gates belong to (a tenant of the platform).</summary>
    public string OperatorCode { get; set; } = "NBUS";

    /// <summary>The revenue protection officer who receives hotlist hits, a named member of staff.</summary>
    public string HotlistOfficerEmail { get; set; } = string.Empty;

    /// <summary>The control room's shared mailbox.</summary>
    public string ControlRoomMailbox { get; set; } = "control-room@northbus.example";

    /// <summary>Cards the officer is watching (suspected cloned cards), set in configuration during an investigation.</summary>
    public List<string> WatchedCards { get; set; } = new();

    public int MaxTapDeliveries { get; set; } = 8;
}

public sealed class RevenueProtectionOptionsValidator : IValidateOptions<RevenueProtectionOptions>
{
    public ValidateOptionsResult Validate(string? name, RevenueProtectionOptions options)
    {
        var failures = new List<string>();
        foreach (var card in options.WatchedCards.Where(c => c.Length != 16 || !c.All(char.IsDigit)))
        {
            failures.Add($"watched card '{card}' is not sixteen digits");
        }

        if (options.MaxTapDeliveries < 1)
        {
            failures.Add($"{nameof(options.MaxTapDeliveries)} must be positive");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

public sealed class RevenueProtectionStartup(IOptions<RevenueProtectionOptions> options, IValidateOptions<RevenueProtectionOptions> validator, ILogger<RevenueProtectionStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var result = validator.Validate(null, settings);
        if (result.Failed)
        {
            logger.LogError("Revenue protection settings invalid: {Failures}", result.FailureMessage); // leak TC1001 cross-member
        }

        logger.LogInformation("Revenue protection for operator {OperatorCode}", settings.OperatorCode); // clean precision-names
        logger.LogInformation("Hotlist hits go to {HotlistOfficer}", settings.HotlistOfficerEmail); // leak TC1001 direct
        logger.LogInformation("Hotlist hits copied to {ControlRoomMailbox}", settings.ControlRoomMailbox); // clean precision-names
        logger.LogInformation("Watching {WatchedCardCount} cards", settings.WatchedCards.Count); // clean precision-names
        logger.LogDebug("Watching cards {WatchedCards}", settings.WatchedCards); // leak TC1001 logging-objects
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
