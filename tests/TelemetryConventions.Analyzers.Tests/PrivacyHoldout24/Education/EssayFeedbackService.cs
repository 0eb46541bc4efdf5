using System.ClientModel;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using PrivacyHoldout24.Support.Caching;
using PrivacyHoldout24.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout24.Education;

public sealed record EssaySubmission(string SubmissionId, string StudentNumber, string StudentName, string AssignmentId, string CourseCode, string Essay);

/// <summary>
/// Formative feedback on a draft essay, written by the tutor kernel's prompt function and cached per
/// student and assignment so that a student who reopens the page does not pay for a second call.
/// </summary>
public sealed class EssayFeedbackService(
    Kernel kernel,
    IDistributedCache cache,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<EssayFeedbackService> logger)
{
    private static readonly ActivitySource Source = new("Campus.Tutor");

    private static readonly Meter TutorMeter = new("Campus.Tutor");

    private static readonly Counter<long> FeedbackTokens = TutorMeter.CreateCounter<long>("tutor.feedback.tokens", "{token}");

    /// <summary>Tokens spent against each student's monthly allowance, for the allowance dashboard.</summary>
    private static readonly Counter<long> AllowanceSpent = TutorMeter.CreateCounter<long>("tutor.allowance.spent", "{token}");

    private const string Model = "gpt-4o-mini-2024-07-18";

    private const string FeedbackTemplate = """
        You are a supportive writing tutor. Address the student as {{$studentName}}.
        Give three strengths and three improvements for the essay below, against the marking rubric of {{$courseCode}}.
        Essay:
        {{$essay}}
        """;

    public async Task<string> GetFeedbackAsync(EssaySubmission submission, CancellationToken cancellationToken)
    {
        var cacheKey = "feedback:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{submission.StudentNumber}:{submission.AssignmentId}")));
        Activity.Current?.SetTag("tutor.feedback.cache_key", cacheKey); // leak TC1002 hashes

        var cached = await cache.GetStringAsync(cacheKey, cancellationToken);
        using var span = Source.StartAssistantCompletion(Model);
        span.SetAssistantFeature("essay-feedback").SetAssistantCacheHit(cached is not null); // clean precision-about
        if (cached is not null)
        {
            return cached;
        }

        logger.LogInformation("Feedback requested for submission {SubmissionId} on {Course}, template {Template}", submission.SubmissionId, submission.CourseCode, FeedbackTemplate); // clean strings

        var arguments = new KernelArguments(new PromptExecutionSettings { ModelId = Model })
        {
            ["studentName"] = submission.StudentName,
            ["courseCode"] = submission.CourseCode,
            ["essay"] = submission.Essay,
        };
        FunctionResult result;
        try
        {
            result = await kernel.InvokePromptAsync(FeedbackTemplate, arguments, cancellationToken);
        }
        catch (ClientResultException ex) when (ex.Status == 400)
        {
            logger.LogWarning("Submission {SubmissionId} was refused by the provider's content filter; it opens: {Opening}", submission.SubmissionId, submission.Essay[..Math.Min(80, submission.Essay.Length)]); // leak TC1001 strings
            span.RecordException(ex, "content filter", includeMessage: true);
            return "Feedback is not available for this draft. Please ask your tutor.";
        }

        var feedback = result.GetValue<string>() ?? string.Empty;

        var tokens = result.Metadata?.TryGetValue("OutputTokens", out var value) == true ? Convert.ToInt64(value) : 0L;
        span.SetAssistantTokensOutput(tokens);
        FeedbackTokens.Add(tokens, new KeyValuePair<string, object?>("course.code", submission.CourseCode));
        AllowanceSpent.Add(tokens, new KeyValuePair<string, object?>("student.number", submission.StudentNumber)); // leak TC1003 direct
        meter.CreateAssistantTokenUsageHistogram().Record(tokens, Model, "output", assistantFeature: "essay-feedback");

        span.SetAssistantNote($"feedback for {submission.StudentName}: {feedback.Length} chars"); // leak TC1001 generated-api
        span.SetAssistantSubjectId(pseudonymizer.PseudonymizeAssistantSubjectId(submission.StudentNumber));
        logger.LogDebug("Essay of {WordCount} words for {StudentRef}", submission.Essay.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length, pseudonymizer.ComputeAssistantSubjectId(submission.StudentNumber)); // clean precision-about

        await cache.SetStringAsync(cacheKey, feedback, new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromDays(7) }, cancellationToken);
        return feedback;
    }
}
