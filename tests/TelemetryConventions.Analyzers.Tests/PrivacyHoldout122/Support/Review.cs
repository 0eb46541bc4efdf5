namespace VeriDoc.Review;

// A manual review queue for checks the vendor returned as "consider", in the shape of a case
// management tool's client: tasks in queues, assigned to reviewers, closed with a decision.

public enum ReviewDecision { Approve, Reject, RequestResubmission, Escalate }

/// <summary>A task in a review queue. <c>Id</c> is the task's id; <c>Subject</c> is what the reviewer sees in the list.</summary>
public sealed record ReviewTask(string Id, string Queue, string CheckId, string ApplicantId, string Subject, DateTimeOffset Due)
{
    public string? AssignedTo { get; init; }

    public int Priority { get; init; } = 3;

    public IReadOnlyList<string> Reasons { get; init; } = Array.Empty<string>();
}

/// <summary>A reviewer: a member of staff, with their staff id and work email.</summary>
public sealed record Reviewer(string StaffId, string Email, string DisplayName, string Team);

public sealed record ReviewOutcome(string TaskId, ReviewDecision Decision, string ReviewerStaffId, string? Comment, DateTimeOffset ClosedAt);

/// <summary>The queue refused a task. Its message names the queue and the reason, never the applicant.</summary>
public sealed class QueueFullException(string queue, int depth) : Exception($"Queue {queue} is full ({depth} open tasks)")
{
    public string Queue { get; } = queue;
}

public interface IReviewQueue
{
    Task<ReviewTask> EnqueueAsync(ReviewTask task, CancellationToken cancellationToken = default);

    Task<ReviewTask?> NextAsync(string queue, Reviewer reviewer, CancellationToken cancellationToken = default);

    Task CloseAsync(ReviewOutcome outcome, CancellationToken cancellationToken = default);

    Task<int> DepthAsync(string queue, CancellationToken cancellationToken = default);
}
