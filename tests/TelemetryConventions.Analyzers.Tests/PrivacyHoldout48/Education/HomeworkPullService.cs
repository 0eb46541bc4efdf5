using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PrivacyHoldout48.Support.Datasync;
using PrivacyHoldout48.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout48.Education;

public sealed class HomeworkAnswer : EntityTableData
{
    public required string StudentNumber { get; set; }

    public required string AssignmentId { get; set; }

    public string AnswerText { get; set; } = string.Empty;

    public int Score { get; set; }
}

public sealed record PullRequest(string StudentNumber, string? ContinuationToken, int PageSize);

public sealed record Tombstone(string Table, string RowId, DateTimeOffset DeletedAt);

public sealed record PullPage(IReadOnlyList<HomeworkAnswer> Changes, IReadOnlyList<Tombstone> Deletions, string? ContinuationToken);

/// <summary>The continuation token of a pull: the last (updated-at, row id) pair the client has seen.</summary>
public sealed record PullCursor(DateTimeOffset UpdatedAt, string LastRowId)
{
    public string Encode() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this));

    public static PullCursor Decode(string token) => JsonSerializer.Deserialize<PullCursor>(Convert.FromBase64String(token))!;
}

/// <summary>Per-request sync context, filled by the sync middleware from the learner's token.</summary>
public sealed class SyncRequestContext
{
    public string? StudentNumber { get; set; }

    public string? ClientInstallId { get; set; }

    public string SchoolCode { get; set; } = string.Empty;
}

public sealed class HomeworkPullService(
    IRepository<HomeworkAnswer> answers,
    SyncRequestContext context,
    ILogger<HomeworkPullService> logger,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Lms.OfflineSync");

    public async Task<PullPage> PullAsync(PullRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("homework.pull");
        var cursor = request.ContinuationToken is { } token ? PullCursor.Decode(token) : new PullCursor(DateTimeOffset.MinValue, string.Empty);
        activity?.SetTag("sync.continuation_token", request.ContinuationToken); // clean precision-names
        activity?.SetTag("sync.cursor.updated_at", cursor.UpdatedAt.ToString("o")); // clean precision-about
        activity?.SetTag("student.ref", pseudonymizer.ComputeSyncAccountId(request.StudentNumber)); // clean precision-pseudonym
        activity?.SetBaggage("student.number", request.StudentNumber); // leak TC1001 direct

        var changed = await answers.ChangedSinceAsync(cursor.UpdatedAt, request.PageSize + 1, cancellationToken);
        var mine = changed.Where(a => a.StudentNumber == request.StudentNumber).ToList();
        var live = mine.Where(a => !a.Deleted).Take(request.PageSize).ToList();
        var tombstones = mine.Where(a => a.Deleted).Select(a => new Tombstone("homework_answers", a.Id, a.UpdatedAt ?? DateTimeOffset.UtcNow)).ToList();

        activity?.SetTag("sync.tombstones", tombstones.Count); // clean precision-about
        logger.LogDebug("Tombstones sent: {Tombstones}", tombstones); // clean logging-objects
        meter.CreateSyncChangesCounter().Add(live.Count, syncCollection: "homework_answers", syncClientPlatform: "lms-app"); // clean generated-api

        var next = live.Count == request.PageSize ? new PullCursor(live[^1].UpdatedAt ?? DateTimeOffset.UtcNow, live[^1].Id).Encode() : null;
        logger.LogInformation("Pull for {Student}: {Count} changes, more={More}", request.StudentNumber, live.Count, next is not null); // leak TC1001 direct
        logger.LogInformation("Pull page for assignments {Assignments}", string.Join(",", live.Select(a => a.AssignmentId).Distinct())); // clean precision-names
        return new PullPage(live, tombstones, next);
    }

    public void LogAnswerRejected(HomeworkAnswer answer, string reason)
    {
        logger.LogWarning("Answer rejected ({Reason}): {@Answer}", reason, answer); // leak TC1001 logging-objects
        logger.LogWarning("Answer {AnswerId} for assignment {AssignmentId} rejected: {Reason}", answer.Id, answer.AssignmentId, reason); // clean precision-names
        Activity.Current?.SetTag("school.code", context.SchoolCode); // clean cross-member
        Activity.Current?.SetTag("sync.client.install", context.ClientInstallId); // leak TC1001 cross-member
    }
}
