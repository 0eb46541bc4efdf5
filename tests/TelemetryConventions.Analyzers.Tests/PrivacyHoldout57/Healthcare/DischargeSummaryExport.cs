using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;

namespace PrivacyHoldout57.Healthcare;

public sealed record DischargeRow(long DischargeId, string HospitalNumber, string? NhsNumber, string? GpPracticeCode, string Specialty, DateOnly DischargedOn, string DocumentUri);

public sealed record DischargeSummary(long DischargeId, string NhsNumber, string GpPracticeCode, string Specialty, DateOnly DischargedOn, byte[] Document);

public interface IDischargeQueries
{
    IAsyncEnumerable<DischargeRow> UnsentAsync(DateOnly since, CancellationToken cancellationToken);

    Task<byte[]> LoadDocumentAsync(string documentUri, CancellationToken cancellationToken);

    Task MarkSentAsync(IEnumerable<long> dischargeIds, CancellationToken cancellationToken);
}

public interface IMeshMailbox
{
    Task<string> SendAsync(string recipientMailbox, string workflowId, byte[] payload, CancellationToken cancellationToken);
}

/// <summary>Thrown by the MESH client when the recipient's mailbox refuses a message.</summary>
public sealed class MeshRejectedException(string recipientMailbox, string errorCode)
    : Exception($"Mailbox {recipientMailbox} rejected the message: {errorCode}")
{
    public string ErrorCode { get; } = errorCode;
}

/// <summary>Thrown when a discharge letter's document cannot be rendered.</summary>
public sealed class LetterRenderException(DischargeRow row)
    : Exception($"Letter for {row.HospitalNumber} ({row.Specialty}) could not be rendered");

/// <summary>
/// The nightly job that sends discharge summaries to the patients' GP practices over MESH: the rows
/// stream out of the database, four letters are sent at a time, and the sent ones are marked in
/// chunks of fifty.
/// </summary>
public sealed class DischargeSummaryExport(IDischargeQueries queries, IMeshMailbox mesh, TelemetrySecrets secrets, ILogger<DischargeSummaryExport> logger)
{
    private static readonly ActivitySource Source = new("Discharge.Export");

    public async Task<int> RunAsync(DateOnly since, CancellationToken cancellationToken)
    {
        var sent = new List<long>();
        var gate = new object();

        var summaries = ReadyToSendAsync(since, cancellationToken)
            .Tap(s => logger.LogDebug("Queued discharge {DischargeId} for NHS number {NhsNumber}", s.DischargeId, s.NhsNumber)); // leak TC1001 direct

        await Parallel.ForEachAsync(summaries, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (summary, token) =>
        {
            using var activity = Source.StartActivity("discharge.send", ActivityKind.Producer);
            activity?.SetTag("discharge.route", $"{summary.Specialty} -> {summary.GpPracticeCode}"); // clean strings
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["DischargeId"] = summary.DischargeId, ["NhsNumber"] = summary.NhsNumber }); // leak TC1001 logging-objects
            activity?.SetTag("discharge.id", summary.DischargeId); // clean direct
            activity?.SetTag("gp.practice", summary.GpPracticeCode); // clean precision-names
            activity?.SetTag("patient.nhs_number", summary.NhsNumber); // leak TC1001 direct
            activity?.SetTag("discharge.dedupe_key", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(summary.NhsNumber)))[..16]); // leak TC1002 hashes
            activity?.SetTag("discharge.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(summary.NhsNumber))[0] % 16); // clean hashes
            try
            {
                var messageId = await mesh.SendAsync(summary.GpPracticeCode, "TOC_FHIR_DISCHARGE", summary.Document, token);
                activity?.SetTag("mesh.message_id", messageId); // clean direct
                lock (gate)
                {
                    sent.Add(summary.DischargeId);
                }
            }
            catch (MeshRejectedException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                logger.LogWarning(ex, "MESH rejected discharge {DischargeId} ({ErrorCode})", summary.DischargeId, ex.ErrorCode); // clean exceptions
                logger.LogDebug("Rejected summary was {@Summary}", summary); // leak TC1001 logging-objects
            }
        });

        foreach (var (chunk, index) in sent.Chunk(50).Select((c, i) => (c, i)))
        {
            await queries.MarkSentAsync(chunk, cancellationToken);
            logger.LogInformation("Marked chunk {Index} of discharges as sent ({Size} rows)", index, chunk.Length); // clean precision-about
        }

        return sent.Count;
    }

    private async IAsyncEnumerable<DischargeSummary> ReadyToSendAsync(DateOnly since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in queries.UnsentAsync(since, cancellationToken).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (row.GpPracticeCode is null || row.NhsNumber is null)
            {
                logger.LogWarning("Discharge {DischargeId} of {HospitalNumber} has no registered practice or NHS number; skipped", row.DischargeId, row.HospitalNumber); // leak TC1001 direct
                logger.LogWarning("Discharge {DischargeId} skipped: practice known {HasPractice}, NHS number known {HasNhsNumber}", row.DischargeId, row.GpPracticeCode is not null, row.NhsNumber is not null); // clean precision-about
                continue;
            }

            byte[] document;
            try
            {
                document = await RenderAsync(row, cancellationToken);
            }
            catch (LetterRenderException ex)
            {
                logger.LogError(ex, "Discharge {DischargeId} left for tomorrow", row.DischargeId); // leak TC1001 exceptions
                continue;
            }

            yield return new DischargeSummary(row.DischargeId, row.NhsNumber, row.GpPracticeCode, row.Specialty, row.DischargedOn, document);
        }
    }

    private async Task<byte[]> RenderAsync(DischargeRow row, CancellationToken cancellationToken)
    {
        var document = await queries.LoadDocumentAsync(row.DocumentUri, cancellationToken);
        return document.Length > 0 ? document : throw new LetterRenderException(row);
    }
}

/// <summary>Async-stream operators the trust's integration team wrote before System.Linq.AsyncEnumerable shipped.</summary>
public static class AsyncStreams
{
    /// <summary>Runs <paramref name="onItem"/> for each item as it passes.</summary>
    public static async IAsyncEnumerable<T> Tap<T>(this IAsyncEnumerable<T> source, Action<T> onItem, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var item in source.WithCancellation(cancellationToken))
        {
            onItem(item);
            yield return item;
        }
    }
}
