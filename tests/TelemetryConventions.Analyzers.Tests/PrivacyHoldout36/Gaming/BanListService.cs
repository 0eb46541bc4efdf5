using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout36.Support;
using PrivacyHoldout36.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout36.Gaming;

public enum BanReason
{
    Cheating,
    Botting,
    ChargebackFraud,
    RealMoneyTrading,
    Harassment,
}

public sealed record BanRequest(Guid PlayerId, string HardwareId, string LastIp, BanReason Reason, TimeSpan? Duration, string IssuedByStaffId, string? Comment);

public sealed record BanRecord(string BanId, Guid PlayerId, BanReason Reason, DateTimeOffset Until)
{
    // The player id is left out: ban records are shown on support dashboards.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"BanId = {BanId}, Reason = {Reason}, Until = {Until:O}");
        return true;
    }
}

/// <summary>
/// The ban list: account bans, hardware bans (the console or PC the player registered) and
/// address bans, issued by game masters or by the anti-cheat pipeline; checked at every login.
/// </summary>
public sealed class BanListService(IListStore lists, Pseudonymizer pseudonymizer, ILogger<BanListService> logger)
{
    private static readonly ActivitySource Source = new("Accounts.Bans");

    public async Task<BanRecord> BanAsync(BanRequest request, CancellationToken ct)
    {
        var until = request.Duration is { } d ? DateTimeOffset.UtcNow + d : DateTimeOffset.MaxValue;
        var record = new BanRecord(Guid.NewGuid().ToString("N")[..12], request.PlayerId, request.Reason, until);

        await lists.AddAsync(new ListEntry(record.BanId, "banned-accounts", "player", request.PlayerId.ToString(), request.IssuedByStaffId, request.Reason.ToString(), DateTimeOffset.UtcNow), ct);
        await lists.AddAsync(new ListEntry(record.BanId + "-hw", "banned-hardware", "hardware", request.HardwareId, request.IssuedByStaffId, request.Reason.ToString(), DateTimeOffset.UtcNow), ct);

        using var review = Source.StartAbuseReview(record.BanId).SetAbuseQueue("bans").SetAbuseActorId(pseudonymizer.PseudonymizeAbuseActorId(request.PlayerId.ToString())); // clean precision-pseudonym
        review.SetAbuseNote($"{request.Reason} ban until {until:yyyy-MM-dd}"); // clean generated-api
        logger.LogInformation("Ban issued: {Ban}", record); // clean logging-objects
        logger.LogInformation("Ban {BanId} issued by {StaffId}: {Comment}", record.BanId, request.IssuedByStaffId, request.Comment); // leak TC1001 direct
        logger.LogInformation("Hardware ban on {HardwareId} for ban {BanId}", request.HardwareId, record.BanId); // leak TC1001 direct
        Activity.Current?.SetBaggage("ban.player", request.PlayerId.ToString()); // leak TC1001 direct

        if (request.Reason is BanReason.ChargebackFraud or BanReason.RealMoneyTrading)
        {
            review.AddAbuseCaseEscalatedEvent(record.BanId, abuseActorId: Pseudonym.FromComputed(request.PlayerId.ToString("N")), abuseNote: "payments team"); // leak TC1001 precision-pseudonym
        }

        return record;
    }

    /// <summary>Checked at login: any of the three lists may match.</summary>
    public async Task<ListEntry?> CheckAsync(Guid playerId, string hardwareId, string ip, CancellationToken ct)
    {
        var checks = new (string List, string Kind, string Value)[]
        {
            ("banned-accounts", "player", playerId.ToString()),
            ("banned-hardware", "hardware", hardwareId),
            ("banned-addresses", "ip", ip),
        };

        foreach (var (list, kind, value) in checks)
        {
            var match = await lists.MatchAsync(list, kind, value, ct);
            if (match is null)
            {
                continue;
            }

            Activity.Current?.SetTag("ban.matched.list", match.ListName); // clean direct
            Activity.Current?.SetTag("ban.matched.kind", match.Kind);
            Activity.Current?.SetTag("ban.matched.value", match.Value); // leak TC1001 cross-member
            logger.LogWarning("Login refused: ban {BanId} ({Reason}) matched on {Kind}", match.EntryId, match.Reason, match.Kind); // clean direct
            return match;
        }

        Activity.Current?.SetTag("ban.lists_checked", checks.Length); // clean precision-about
        return null;
    }
}
