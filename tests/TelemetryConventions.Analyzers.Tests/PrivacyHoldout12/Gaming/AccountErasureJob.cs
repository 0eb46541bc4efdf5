using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout12.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout12.Gaming;

public sealed record ErasureRequest(string RequestId, Guid PlayerId, string ContactEmail, DateTimeOffset ReceivedAt);

public interface IErasureQueue
{
    Task<ErasureRequest?> DequeueAsync(CancellationToken cancellationToken);

    Task CompleteAsync(string requestId, CancellationToken cancellationToken);
}

/// <summary>Right to erasure: anonymises the player's row, keeps an email digest on the marketing suppression list.</summary>
public sealed partial class AccountErasureJob(
    IErasureQueue queue,
    GameDbContext db,
    ILogger<AccountErasureJob> logger,
    Pseudonymizer pseudonymizer,
    TimeProvider clock,
    Meter meter) : BackgroundService
{
    private static readonly ActivitySource Source = new("Game.Erasure");

    private readonly Counter<long> _erasedRows = meter.CreateCounter<long>("game.erasure.rows", "{row}");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var request = await queue.DequeueAsync(stoppingToken);
            if (request is null)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
                continue;
            }

            using var run = Source.StartErasureRun(request.RequestId); // clean generated-api
            run.SetPersistenceSubjectId(pseudonymizer.PseudonymizePersistenceSubjectId(request.PlayerId.ToString())); // clean precision-pseudonym
            using var scope = logger.BeginScope("Erasure {ErasureRequestId} for {ContactEmail}", request.RequestId, request.ContactEmail); // leak TC1001 logging-objects
            try
            {
                var rows = await EraseAsync(request, stoppingToken);
                run.SetErasureRows(rows); // clean generated-api
                _erasedRows.Add(rows, new KeyValuePair<string, object?>("game.erasure.kind", "player")); // clean precision-about
                _erasedRows.Add(rows, new KeyValuePair<string, object?>("data.subject", pseudonymizer.ComputePersistenceSubjectId(request.PlayerId.ToString()))); // leak TC1003 precision-pseudonym
                LogErased(logger, request.RequestId, rows, clock.GetUtcNow() - request.ReceivedAt); // clean direct
                await queue.CompleteAsync(request.RequestId, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                run.RecordException(ex); // clean generated-api
                LogErasureFailed(logger, ex, request.RequestId, request.PlayerId); // leak TC1001 direct
            }
        }
    }

    private async Task<int> EraseAsync(ErasureRequest request, CancellationToken cancellationToken)
    {
        var player = await db.Players.IgnoreQueryFilters().FirstOrDefaultAsync(p => p.Id == request.PlayerId, cancellationToken);
        if (player is null)
        {
            logger.LogInformation("Nothing to erase for request {ErasureRequestId}", request.RequestId); // clean precision-names
            return 0;
        }

        var tombstone = pseudonymizer.ComputePersistenceSubjectId(player.Id.ToString());
        var emailDigest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(player.Email.Trim().ToLowerInvariant())));
        logger.LogInformation("Suppression list entry {EmailDigest} added", emailDigest); // leak TC1002 hashes

        var entry = db.Entry(player);
        player.Gamertag = "erased-" + tombstone[^8..];
        player.Email = tombstone + "@erased.invalid";
        player.BirthDate = null;
        player.IsDeleted = true;
        player.DeletedAt = clock.GetUtcNow();

        var erasedFields = new[] { nameof(Player.Gamertag), nameof(Player.Email), nameof(Player.BirthDate) };
        logger.LogInformation("Erased {ErasedFields} of player {PlayerRef}", erasedFields, tombstone); // clean precision-pseudonym
        logger.LogDebug("Erased gamertag was {OldGamertag}", entry.Property(p => p.Gamertag).OriginalValue); // leak TC1001 cross-member
        Activity.Current?.SetTag("game.player.soft_deleted", player.IsDeleted); // clean precision-about
        return await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "Erasure request {ErasureRequestId} done: {Rows} rows in {Elapsed}")]
    private static partial void LogErased(ILogger logger, string erasureRequestId, int rows, TimeSpan elapsed);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Error, Message = "Erasure request {ErasureRequestId} for player {PlayerId} failed")]
    private static partial void LogErasureFailed(ILogger logger, Exception exception, string erasureRequestId, Guid playerId);
}
