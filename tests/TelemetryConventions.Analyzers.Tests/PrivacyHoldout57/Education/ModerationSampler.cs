using System;
using System.Collections.Concurrent;
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
using PrivacyHoldout57.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout57.Education;

public sealed record MarkedScript(Guid ScriptId, string StudentNumber, string CandidateName, string TeacherStaffId, string ComponentCode, int Mark, int MaxMark);

public interface IScriptArchive
{
    IAsyncEnumerable<MarkedScript> MarkedAsync(string seriesCode, CancellationToken cancellationToken);
}

public interface IExamBoardPortal
{
    /// <summary>Uploads a script; the board confirms receipt later through the receipt webhook.</summary>
    Task<string> UploadAsync(MarkedScript script, CancellationToken cancellationToken);
}

/// <summary>
/// Chooses the moderation sample for an exam series (five scripts per teacher and component, the
/// highest and the lowest mark always in), uploads it to the exam board and waits for the board's
/// receipts.
/// </summary>
public sealed class ModerationSampler(IScriptArchive archive, IExamBoardPortal board, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<ModerationSampler> logger)
{
    private static readonly ActivitySource Source = new("Grading.Moderation");

    private readonly ConcurrentDictionary<string, TaskCompletionSource<MarkedScript>> _receipts = new();
    private int _uploaded;

    public async Task RunAsync(string seriesCode, CancellationToken cancellationToken)
    {
        using var progressTimer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var progress = ReportProgressAsync(progressTimer, stop.Token);

        var sample = archive.MarkedAsync(seriesCode, cancellationToken)
            .Where(s => s.MaxMark > 0)
            .SampleByTeacherAsync(5, s => logger.LogDebug("Script of {Candidate} not sampled", s.CandidateName), cancellationToken); // leak TC1001 direct

        await Parallel.ForEachAsync(sample, new ParallelOptions { MaxDegreeOfParallelism = 3, CancellationToken = cancellationToken }, async (script, token) =>
        {
            var student = pseudonymizer.PseudonymizeGradingStudentId(script.StudentNumber);
            using var span = Source.StartGradingSubmission(student, script.ComponentCode, spanName: $"moderation upload {script.ComponentCode}"); // clean generated-api
            span.SetGradingStage(GradingStage.Moderation);
            try
            {
                var receiptId = await board.UploadAsync(script, token);
                var receipt = _receipts.GetOrAdd(receiptId, _ => new TaskCompletionSource<MarkedScript>(TaskCreationOptions.RunContinuationsAsynchronously));
                _ = receipt.Task.ContinueWith(t => logger.LogInformation("Board received the script of {StudentNumber}", t.Result.StudentNumber), TaskContinuationOptions.OnlyOnRanToCompletion); // leak TC1001 cross-member
                Interlocked.Increment(ref _uploaded);
                span.SetGradingNote($"receipt {receiptId}"); // clean generated-api
            }
            catch (HttpRequestFailedException ex)
            {
                span.RecordException(ex); // clean exceptions
                logger.LogWarning(ex, "Upload failed for {@Script}", script); // leak TC1001 logging-objects
                span.SetGradingNote($"upload failed for teacher {script.TeacherStaffId}"); // leak TC1001 generated-api
            }
        });

        stop.Cancel();
        await progress;
        logger.LogInformation("Moderation sample for {Series}: {Uploaded} scripts, {Pending} receipts outstanding", seriesCode, _uploaded, _receipts.Count(r => !r.Value.Task.IsCompleted)); // clean precision-about
    }

    /// <summary>The receipt webhook: the board echoes the script back.</summary>
    public void OnReceipt(string receiptId, MarkedScript script)
    {
        var bucket = Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(script.StudentNumber)))[..4];
        Activity.Current?.SetTag("grading.receipt.bucket", bucket); // clean hashes
        Activity.Current?.SetTag("grading.receipt.student_hash", script.StudentNumber.GetHashCode() & 0xFFFF); // leak TC1002 hashes
        if (_receipts.TryGetValue(receiptId, out var waiting))
        {
            waiting.TrySetResult(script);
        }
        else
        {
            logger.LogWarning("Receipt {ReceiptId} matches no upload of this run", receiptId); // clean direct
        }
    }

    private async Task ReportProgressAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var studentsAwaitingReceipt = _receipts.Count(r => !r.Value.Task.IsCompleted);
                logger.LogInformation("Moderation upload: {Uploaded} sent, {StudentsAwaitingReceipt} students awaiting a receipt", Volatile.Read(ref _uploaded), studentsAwaitingReceipt); // clean precision-names
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}

/// <summary>Thrown by the portal's HTTP client with the status the portal answered.</summary>
public sealed class HttpRequestFailedException(int status) : Exception($"Exam board portal answered {status}");

public static class ModerationStreams
{
    /// <summary>
    /// Keeps a reservoir of <paramref name="perTeacher"/> scripts per teacher and component, with the
    /// highest and lowest mark always kept, and yields the reservoirs when the source ends.
    /// </summary>
    public static async IAsyncEnumerable<MarkedScript> SampleByTeacherAsync(this IAsyncEnumerable<MarkedScript> source, int perTeacher, Action<MarkedScript> onSkipped, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reservoirs = new Dictionary<(string Teacher, string Component), List<MarkedScript>>();
        var seen = new Dictionary<(string Teacher, string Component), int>();
        await foreach (var script in source.WithCancellation(cancellationToken))
        {
            var key = (script.TeacherStaffId, script.ComponentCode);
            var count = seen[key] = seen.GetValueOrDefault(key) + 1;
            var reservoir = reservoirs.TryGetValue(key, out var list) ? list : reservoirs[key] = new List<MarkedScript>();
            if (reservoir.Count < perTeacher)
            {
                reservoir.Add(script);
                continue;
            }
            var slot = Random.Shared.Next(count);
            if (slot < perTeacher)
            {
                onSkipped(reservoir[slot]);
                reservoir[slot] = script;
            }
            else
            {
                onSkipped(script);
            }
        }

        foreach (var reservoir in reservoirs.Values)
        {
            foreach (var script in reservoir.OrderBy(s => s.Mark))
            {
                yield return script;
            }
        }
    }
}
