using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout37.Support.ContactCentre;

// Stand-ins for the contact-centre platform around the telephony provider: task routing to agents,
// the agent desktop, recording storage, speech-to-text, sentiment and quality evaluation.

/// <summary>A task waiting for an agent. <see cref="AttributesJson"/> is the JSON the service attached when it created the task.</summary>
public sealed record RoutingTask(string Sid, string WorkflowSid, string QueueName, string AttributesJson, int Priority, int AgeSeconds, string AssignmentStatus);

/// <summary>A reservation of a task for a worker (an agent). <see cref="WorkerName"/> is the agent's friendly name as configured (their full name).</summary>
public sealed record Reservation(string Sid, string TaskSid, string WorkerSid, string WorkerName, string Status);

/// <summary>An agent as the routing platform knows them.</summary>
public sealed record Worker(string Sid, string FriendlyName, string Email, string ActivityName, IReadOnlyList<string> Skills, bool Available);

public interface IRoutingApi
{
    Task<RoutingTask> CreateTaskAsync(string workflowSid, string attributesJson, int priority, int timeoutSeconds, CancellationToken cancellationToken);

    Task<IReadOnlyList<Worker>> WorkersInQueueAsync(string queueName, CancellationToken cancellationToken);

    Task CompleteTaskAsync(string taskSid, string reason, CancellationToken cancellationToken);
}

/// <summary>What the agent desktop opens when a call is offered to an agent.</summary>
public sealed record ScreenPop(string CallSid, Uri Url, string Title, IReadOnlyDictionary<string, string> Fields);

/// <summary>Pushes to the agents' browser desktops (a realtime hub underneath).</summary>
public interface IAgentDesktop
{
    Task ScreenPopAsync(string workerSid, ScreenPop pop, CancellationToken cancellationToken);

    Task NotifyAsync(string workerSid, string text, CancellationToken cancellationToken);
}

/// <summary>The blob store recordings are archived to.</summary>
public interface IRecordingStore
{
    Task<Uri> UploadAsync(string container, string blobName, Stream content, IDictionary<string, string> metadata, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string container, string blobName, CancellationToken cancellationToken);
}

/// <summary>A diarised transcript; <see cref="Speaker"/> is "agent" or "customer".</summary>
public sealed record TranscriptSegment(string Speaker, string Text, TimeSpan Start, TimeSpan End, double Confidence);

public sealed record Transcript(string JobId, string Text, string Language, double Confidence, IReadOnlyList<TranscriptSegment> Segments);

/// <summary>The speech-to-text provider's failure: its message names the job and the reason ("Job 7f3… failed: unsupported audio encoding"), never the audio's content.</summary>
public sealed class TranscriptionException(string jobId, string reason) : Exception($"Job {jobId} failed: {reason}")
{
    public string JobId { get; } = jobId;

    public string Reason { get; } = reason;
}

public interface ISpeechToText
{
    Task<Transcript> TranscribeAsync(Uri audio, string language, bool diarise, CancellationToken cancellationToken);
}

/// <summary><see cref="Label"/> is one of positive, neutral, negative, mixed.</summary>
public sealed record SentimentResult(double Score, string Label, IReadOnlyList<string> KeyPhrases);

public interface ISentimentAnalyzer
{
    SentimentResult Analyze(string text, string language);
}

/// <summary>A scheduled call back to a customer.</summary>
public sealed record CallbackRequest(string Id, string Queue, string CallbackNumber, DateTimeOffset DueAt, int Attempts, string? Reference);

public interface ICallbackQueue
{
    Task<string> EnqueueAsync(CallbackRequest request, CancellationToken cancellationToken);

    Task<CallbackRequest?> DequeueAsync(string queue, CancellationToken cancellationToken);

    Task RequeueAsync(CallbackRequest request, TimeSpan delay, CancellationToken cancellationToken);
}

/// <summary>A quality evaluation of one handled call, filled in by a team leader.</summary>
public sealed record QualityEvaluation(string Id, string CallSid, string AgentStaffNumber, string EvaluatorEmail, string FormVersion, IReadOnlyDictionary<string, int> Scores, string? Comments)
{
    public int Total
    {
        get
        {
            var total = 0;
            foreach (var score in Scores.Values)
            {
                total += score;
            }
            return total;
        }
    }
}
