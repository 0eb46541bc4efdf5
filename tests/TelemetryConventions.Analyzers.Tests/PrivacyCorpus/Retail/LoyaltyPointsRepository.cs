using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using TelemetryConventions;

namespace PrivacyCorpus.Retail;

public sealed record LoyaltyMember(string MemberNumber, string Email, string Phone, int Points, string CustomerTier);

public sealed class InsufficientPointsException(string memberNumber, int missing)
    : Exception($"Member {memberNumber} is {missing} points short");

/// <summary>Loyalty points store behind the POS and the web shop.</summary>
public sealed class LoyaltyPointsRepository(TelemetrySecrets secrets, ILogger<LoyaltyPointsRepository> logger)
{
    private static readonly ActivitySource Source = new("Shop.Loyalty");
    private static readonly Meter Meter = new("Shop.Loyalty");
    private static readonly Histogram<int> Redeemed = Meter.CreateHistogram<int>("shop.loyalty.points_redeemed");

    private readonly Dictionary<string, LoyaltyMember> _members = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _recentlyRedeemed = new();

    public bool TryFindByEmail(string email, out LoyaltyMember? member) => _members.TryGetValue(email, out member);

    public async Task<string> ResolveMemberNumberAsync(string email, CancellationToken cancellationToken)
    {
        await Task.Delay(1, cancellationToken);
        return TryFindByEmail(email, out var member) && member is not null ? member.MemberNumber : "unknown";
    }

    public async Task RedeemAsync(string email, int points, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("loyalty.redeem");
        var memberNumber = await ResolveMemberNumberAsync(email, cancellationToken);
        activity?.SetTag("shop.loyalty.member", memberNumber); // leak TC1001 cross-member
        activity?.SetTag("shop.loyalty.email_key", StringComparer.OrdinalIgnoreCase.GetHashCode(email)); // leak TC1002 hashes
        activity?.SetTag("shop.loyalty.member_key", HashCode.Combine(memberNumber)); // leak TC1002 hashes
        activity?.SetTag("shop.loyalty.member_ref", Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(memberNumber)))); // clean hashes

        if (!TryFindByEmail(email, out var member) || member is null)
        {
            activity?.SetTag("shop.loyalty.found", false); // clean precision-about
            return;
        }

        activity?.SetTag("shop.loyalty.tier", member.CustomerTier); // clean precision-names
        try
        {
            Debit(member, points);
            _recentlyRedeemed.Add(member.Phone);
            Redeemed.Record(points, new KeyValuePair<string, object?>("shop.loyalty.tier", member.CustomerTier)); // clean precision-names
        }
        catch (InsufficientPointsException ex)
        {
            activity?.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection { { "exception.message", ex.Message } })); // leak TC1001 exceptions
            logger.LogWarning("Redemption failed: {Message}", ex.Message); // leak TC1001 exceptions
        }
    }

    private static void Debit(LoyaltyMember member, int points)
    {
        if (member.Points < points)
        {
            throw new InsufficientPointsException(member.MemberNumber, points - member.Points);
        }
    }

    public void Report()
    {
        var phones = _recentlyRedeemed.OrderBy(p => p).ToList();
        Activity.Current?.SetTag("shop.loyalty.recent_phones", string.Join(",", phones)); // leak TC1001 cross-member
        logger.LogInformation("Recent redemptions by {Phones}", phones); // leak TC1001 cross-member
        logger.LogInformation("{Count} recent redemptions", phones.Count); // clean precision-about
        var summary = new StringBuilder();
        foreach (var member in _members.Values)
        {
            summary.Append($"{member.MemberNumber}={member.Points};");
        }

        logger.LogDebug("Balances {Balances}", summary.ToString()); // leak TC1001 strings
        logger.LogDebug("Balances {Balances}", summary.Length); // clean precision-about
    }
}
