using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout44.Support;
using PrivacyHoldout44.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout44.Retail;

/// <summary>A hotel stay or a holiday that earns tier credits on the shop's loyalty card.</summary>
public sealed record StayCompleted(string MemberNumber, string BookingReference, string PropertyCode, int Nights, decimal Spend) : INotification;

public sealed record LoyaltyMember(string MemberNumber, string Tier, int TierCredits, string Email, string? HomeStore);

public interface ILoyaltyLedger
{
    Task<LoyaltyMember?> FindAsync(string memberNumber, CancellationToken cancellationToken);

    Task SaveTierAsync(string memberNumber, string tier, int credits, CancellationToken cancellationToken);
}

public sealed class MemberNotFoundException(string memberNumber)
    : Exception($"No loyalty member with card number {memberNumber}");

/// <summary>Recalculates the member's tier (Blue, Silver, Gold, Platinum) after each completed stay.</summary>
public sealed class LoyaltyTierService : INotificationHandler<StayCompleted>
{
    private static readonly ActivitySource Source = new("Shop.Loyalty");

    private readonly ILoyaltyLedger _ledger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly TelemetrySecrets _secrets;
    private readonly ILogger<LoyaltyTierService> _logger;
    private readonly Counter<long> _tierChanges;
    private readonly Counter<long> _creditsAwarded;

    public LoyaltyTierService(ILoyaltyLedger ledger, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, Meter meter, ILogger<LoyaltyTierService> logger)
    {
        _ledger = ledger;
        _pseudonymizer = pseudonymizer;
        _secrets = secrets;
        _logger = logger;
        _tierChanges = meter.CreateCounter<long>("loyalty.tier.changes", "{member}");
        _creditsAwarded = meter.CreateCounter<long>("loyalty.tier.credits", "{credit}");
    }

    public async Task Handle(StayCompleted notification, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("loyalty.stay_completed");
        activity?.SetTag("loyalty.property", notification.PropertyCode);
        activity?.SetTag("loyalty.cohort", HashCode.Combine(notification.MemberNumber) & 7); // leak TC1002 hashes
        activity?.SetTag("loyalty.shard", ShardOf(notification.MemberNumber)); // clean hashes

        LoyaltyMember member;
        try
        {
            member = await _ledger.FindAsync(notification.MemberNumber, cancellationToken) ?? throw new MemberNotFoundException(notification.MemberNumber);
        }
        catch (MemberNotFoundException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            return;
        }

        var credits = member.TierCredits + notification.Nights * 10 + (int)(notification.Spend / 50m);
        var newTier = credits switch
        {
            >= 600 => "Platinum",
            >= 300 => "Gold",
            >= 120 => "Silver",
            _ => "Blue",
        };

        _creditsAwarded.Add(credits - member.TierCredits, new KeyValuePair<string, object?>("loyalty.tier", member.Tier)); // clean precision-names
        await _ledger.SaveTierAsync(member.MemberNumber, newTier, credits, cancellationToken);

        if (newTier != member.Tier)
        {
            _tierChanges.Add(1, new TagList { { "loyalty.tier.from", member.Tier }, { "loyalty.tier.to", newTier } }); // clean precision-names
            _tierChanges.Add(1, new TagList { { "loyalty.member", _pseudonymizer.ComputeTravelTravellerId(member.MemberNumber) } }); // leak TC1003 precision-pseudonym
            _logger.LogInformation("Member {Member} moved from {From} to {To}", _pseudonymizer.ComputeTravelTravellerId(member.MemberNumber), member.Tier, newTier); // clean precision-pseudonym
            _logger.LogInformation("Tier letter for {MemberNumber} queued to {Email}", member.MemberNumber, member.Email); // leak TC1001 direct
        }

        activity?.SetTag("loyalty.member.ref", Convert.ToBase64String(Encoding.UTF8.GetBytes(member.MemberNumber))); // leak TC1001 hashes
    }

    private int ShardOf(string memberNumber)
    {
        var mac = HMACSHA256.HashData(_secrets.ShardKey, Encoding.UTF8.GetBytes(memberNumber));
        return mac[0] % 16;
    }
}
