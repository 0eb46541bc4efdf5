using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout60.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout60.Retail;

public sealed record LoyaltyMember(string CardNumber, string CustomerNumber, string FirstName, string Email, string Tier, int Points);

public sealed record TierChange(string CardNumber, string From, string To);

public sealed record TierMove(string From, string To, int Members);

public sealed class LoyaltyCardNotFoundException(string cardNumber)
    : Exception($"No loyalty member holds card {cardNumber}");

public interface ILoyaltyStore
{
    Task<IReadOnlyList<LoyaltyMember>> MembersAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<(string CardNumber, decimal Spend)>> AnnualSpendAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> PreviousVipCardsAsync(CancellationToken cancellationToken);
}

/// <summary>The yearly loyalty tier review: joins members to their spend and moves them between tiers.</summary>
public sealed class LoyaltyTierReview(
    ILoyaltyStore store,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ILogger<LoyaltyTierReview> logger)
{
    private static readonly (string Tier, decimal From)[] Thresholds = [("bronze", 0m), ("silver", 500m), ("gold", 1500m), ("vip", 5000m)];

    public async Task<IReadOnlyList<TierChange>> ReviewAsync(CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("sales.loyalty.tier_review");
        var members = await store.MembersAsync(cancellationToken);
        var spend = await store.AnnualSpendAsync(cancellationToken);

        var joined = members
            .Join(spend, m => m.CardNumber, s => s.CardNumber, (m, s) => (Member: m, s.Spend))
            .ToList();
        var memberCount = members.Count;
        activity?.SetTag("sales.loyalty.member_count", memberCount); // clean precision-names
        activity?.SetTag("sales.loyalty.without_spend", members.Count - joined.Count);

        var orphanCards = spend.Select(s => s.CardNumber).Except(members.Select(m => m.CardNumber)).ToList();
        if (orphanCards.Count > 0)
        {
            logger.LogWarning("Spend on {Count} cards with no member", orphanCards.Count);
            logger.LogWarning("Spend on cards with no member: {Cards}", orphanCards); // leak TC1001 logging-objects
        }

        var changes = joined
            .Select(j => (j.Member, NewTier: Thresholds.Last(t => j.Spend >= t.From).Tier))
            .Where(j => j.NewTier != j.Member.Tier)
            .Select(j => new TierChange(j.Member.CardNumber, j.Member.Tier, j.NewTier))
            .ToList();
        logger.LogInformation("Tier changes {Changes}", changes); // leak TC1001 logging-objects
        var moves = changes.GroupBy(c => (c.From, c.To)).Select(g => new TierMove(g.Key.From, g.Key.To, g.Count())).ToList();
        logger.LogInformation("Tier moves {Moves}", moves); // clean logging-objects
        moves.ForEach(m => activity?.AddEvent(new ActivityEvent("sales.loyalty.tier_move", tags: new ActivityTagsCollection { ["from"] = m.From, ["to"] = m.To, ["members"] = m.Members }))); // clean cross-member

        var totalSpend = joined.Aggregate(0m, (sum, j) => sum + j.Spend);
        var averagePoints = members.Count == 0 ? 0 : members.Average(m => m.Points);
        logger.LogInformation("Reviewed {Spend:C0} of spend, {Points:F0} points per member", totalSpend, averagePoints); // clean precision-about

        var previousVip = (await store.PreviousVipCardsAsync(cancellationToken)).ToHashSet();
        var newVip = changes.Where(c => c.To == "vip").Select(c => c.CardNumber).ToHashSet();
        logger.LogInformation("New VIPs {Cards}", newVip); // leak TC1001 logging-objects
        var lostVip = previousVip.Except(joined.Where(j => j.Spend >= 5000m).Select(j => j.Member.CardNumber)).ToList();
        activity?.SetTag("sales.loyalty.vip.new", newVip.Count);
        activity?.SetTag("sales.loyalty.vip.lost", lostVip.Count);
        activity?.SetTag("sales.loyalty.vip.lost_cards", string.Join(",", lostVip.Select(c => "****" + c[^4..]))); // clean precision-about

        var byCard = members.ToDictionary(m => m.CardNumber);
        foreach (var card in newVip)
        {
            if (!byCard.TryGetValue(card, out var member))
            {
                var ex = new LoyaltyCardNotFoundException(card);
                logger.LogError(ex, "VIP upgrade for an unknown card"); // leak TC1001 exceptions
                activity?.AddException(ex, new TagList { { "sales.loyalty.tier", "vip" } }); // leak TC1001 exceptions
                continue;
            }

            var customerRef = pseudonymizer.PseudonymizeSalesCustomerId(member.CustomerNumber);
            using var review = source.StartSalesCustomerReview(customerRef); // clean precision-pseudonym
            review.SetSalesLoyaltyCard(pseudonymizer.PseudonymizeSalesLoyaltyCard(member.CardNumber)); // clean precision-pseudonym
            review.SetSalesSegment("vip"); // clean generated-api
            review.SetSalesNote($"upgrade for {member.FirstName}, {member.Points} points"); // leak TC1001 generated-api
            logger.LogSalesCustomerFlaggedEvent(customerRef, "vip", $"card ending {member.CardNumber[^4..]}"); // clean generated-api
            review.Activity?.SetTag(SalesAttributes.CustomerEmail, member.Email); // leak TC1001 generated-api
            meter.CreateSalesOrdersCounter().Add(1, "loyalty", customerRef.Value); // leak TC1003 precision-pseudonym
        }

        var pointsByCard = members.Where(m => m.Points > 10_000).ToDictionary(m => m.CardNumber, m => m.Points);
        logger.LogInformation("Point hoarders {Points}", pointsByCard); // leak TC1001 logging-objects
        foreach (var (card, points) in pointsByCard.OrderByDescending(kv => kv.Value).Take(3))
        {
            logger.LogInformation("Hoarder {Card}: {Points} points", card, points); // leak TC1001 cross-member
        }
        logger.LogInformation("{Hoarders} point hoarders holding {Points} points", pointsByCard.Count, pointsByCard.Values.Sum());

        var customerTier = changes.Count == 0 ? "unchanged" : changes.GroupBy(c => c.To).MaxBy(g => g.Count())!.Key;
        activity?.SetTag("sales.loyalty.commonest_new_tier", customerTier); // clean precision-names
        return changes;
    }
}
