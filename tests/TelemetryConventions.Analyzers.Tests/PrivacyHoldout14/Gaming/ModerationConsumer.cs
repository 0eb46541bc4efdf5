using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout14.Support;
using PrivacyHoldout14.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout14.Gaming;

public sealed class PlayerBannedException(string accountId, DateTimeOffset until)
    : Exception($"Account {accountId} is banned until {until:u}")
{
    public DateTimeOffset Until { get; } = until;
}

public interface ISanctionStore
{
    ValueTask<DateTimeOffset?> BannedUntilAsync(string accountId, CancellationToken cancellationToken);

    ValueTask<int> PriorReportsAsync(string accountId, CancellationToken cancellationToken);
}

public sealed partial class ModerationConsumer(
    ILogger<ModerationConsumer> logger,
    ISanctionStore sanctions,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : IMessageHandler<PlayerEvent>
{
    private static readonly ActivitySource Source = new("Play.Moderation");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Player {Gamertag} muted for {Minutes} minutes")]
    private partial void LogMuted(string gamertag, int minutes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Report in {MatchId} under {Category}, {PriorReports} prior")]
    private partial void LogReport(string matchId, string category, int priorReports);

    public async Task HandleAsync(MessageContext<PlayerEvent> context, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("moderation.event", ActivityKind.Consumer);
        var playerEvent = context.Message;
        activity?.SetTag("messaging.message.id", context.MessageId);
        activity?.SetTag("play.match.id", playerEvent.MatchId);

        // Experiment cohorts for the new chat filter.
        var cohort = MD5.HashData(Encoding.UTF8.GetBytes(playerEvent.AccountId))[0] % 10;
        activity?.SetTag("play.experiment.cohort", cohort); // leak TC1002 hashes
        var keyedCohort = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(playerEvent.AccountId))[0] % 10;
        activity?.SetTag("play.experiment.cohort.v2", keyedCohort); // clean hashes

        try
        {
            if (await sanctions.BannedUntilAsync(playerEvent.AccountId, cancellationToken) is { } until)
            {
                throw new PlayerBannedException(playerEvent.AccountId, until);
            }

            switch (playerEvent)
            {
                case PlayerReported report:
                    var prior = await sanctions.PriorReportsAsync(report.AccountId, cancellationToken);
                    LogReport(report.MatchId, report.Category, prior);
                    logger.LogPlayReportEvent(report.MatchId, playPlayerId: Pseudonym.FromComputed(report.AccountId), playNote: report.Category); // leak TC1001 generated-api
                    activity?.AddPlayReportEvent(report.MatchId, playPlayerId: pseudonymizer.PseudonymizePlayPlayerId(report.AccountId), playNote: $"{prior} prior reports"); // clean precision-pseudonym
                    meter.CreatePlayReportsCounter().Add(1, playRegion: context.Headers.GetValueOrDefault("region", "unknown")); // clean generated-api
                    break;
                case ChatMuted muted:
                    LogMuted(muted.Gamertag, muted.Minutes); // leak TC1001 direct
                    break;
            }
        }
        catch (PlayerBannedException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetTag("exception.type", ex.GetType().FullName); // clean exceptions
            logger.LogInformation("Event from a banned player dropped, ban ends {Until}", ex.Until); // clean exceptions
        }
    }

    public void OnConnectionRefused(ClientConnection connection, SocketException error)
    {
        Activity.Current?.SetTag("client.address", connection.RemoteAddress.ToString()); // leak TC1001 direct
        Activity.Current?.SetTag("client.port", connection.RemotePort); // clean precision-about
        Activity.Current?.SetTag("network.connection.id", connection.ConnectionId); // clean precision-names
        logger.LogWarning("Connection {ConnectionId} refused: {SocketError}", connection.ConnectionId, error.SocketErrorCode); // clean exceptions
    }
}
