using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Retail;

public sealed class LoyaltyMember
{
    public required string LoyaltyNumber { get; init; }

    public required string Email { get; init; }

    public string? PostalCode { get; init; }

    public int PointsBalance { get; set; }

    public string Tier { get; init; } = "bronze";
}

public interface ILoyaltyRepository
{
    IAsyncEnumerable<LoyaltyMember> StatementDueAsync(DateOnly day, CancellationToken ct);

    Task<LoyaltyMember?> FindAsync(string loyaltyNumber, CancellationToken ct);
}

public sealed class StatementSendException(string message, Exception? inner = null) : Exception(message, inner);

public sealed partial class LoyaltyStatementJob(
    ILoyaltyRepository members,
    Channel<string> outbox,
    ILogger<LoyaltyStatementJob> logger,
    Meter meter,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Retail.Loyalty");
    private readonly Counter<long> _sent = meter.CreateCounter<long>("loyalty.statements.sent");

    [LoggerMessage(Level = LogLevel.Information, Message = "Statement queued for member {Member} in tier {Tier}")]
    private partial void LogQueued(string member, string tier);

    [LoggerMessage(Level = LogLevel.Information, Message = "Statement queued for {Email}")]
    private partial void LogQueuedTo([PersonalData] string email);

    [LoggerMessage(Level = LogLevel.Error, Message = "Statement failed")]
    private partial void LogFailed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow);
        await foreach (var member in members.StatementDueAsync(day, stoppingToken))
        {
            using var activity = Source.StartActivity("loyalty.statement");
            var memberRef = pseudonymizer.ComputeBasketCustomerId(member.LoyaltyNumber);
            LogQueued(memberRef, member.Tier); // clean precision-pseudonym
            LogQueuedTo(member.Email); // clean logging-objects
            LogQueued(member.Email, member.Tier); // leak TC1001 direct

            try
            {
                await outbox.Writer.WriteAsync(Render(member), stoppingToken);
            }
            catch (ChannelClosedException ex)
            {
                var failure = new StatementSendException(string.Concat("Outbox closed while sending to ", member.Email), ex);
                LogFailed(failure); // leak TC1001 exceptions
                LogFailed(ex); // clean exceptions
                continue;
            }

            _sent.Add(1, new TagList { { "loyalty.tier", member.Tier }, { "loyalty.has_postcode", member.PostalCode is not null } }); // clean precision-about
            _sent.Add(1, new TagList { { "loyalty.tier", member.Tier }, { "loyalty.member", memberRef } }); // leak TC1003 precision-pseudonym

            var area = member.PostalCode is { Length: > 3 } postcode ? postcode[..^3].Trim() : "unknown";
            activity?.SetTag("loyalty.postcode_area", area); // clean precision-about
            activity?.SetTag("loyalty.points", member.PointsBalance); // clean precision-names
        }
    }

    public async Task<string> DescribeAsync(string loyaltyNumber, CancellationToken ct)
    {
        var member = await members.FindAsync(loyaltyNumber, ct);
        var label = member?.Email ?? loyaltyNumber;
        Activity.Current?.SetTag("loyalty.lookup.label", label); // leak TC1001 cross-member
        Activity.Current?.SetTag("loyalty.lookup.found", member is not null); // clean precision-about
        Activity.Current?.SetTag("loyalty.lookup.tier", member?.Tier ?? "none"); // clean cross-member
        return label;
    }

    private static string Render(LoyaltyMember member)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"To: {member.Email}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Balance: {member.PointsBalance}");
        return text.ToString();
    }
}
