using System.Security.Cryptography;
using System.Text;

namespace PrivacyHoldout69.Education;

public sealed record DraftSubmission(string SubmissionId, string StudentNumber, string AssignmentId, int YearGroup, string Text);

/// <summary>The feedback model refused a draft. The message names the student, for the VLE's audit screen.</summary>
public sealed class DraftRejectedException(string studentNumber, int words)
    : Exception($"Draft from {studentNumber} rejected: {words} words is over the model's limit.");

/// <summary>
/// Automated formative feedback on essay drafts: the scoring endpoint returns a band score and the
/// features behind it; one draft in twenty is sampled for a teacher to mark, so the model can be
/// checked against teachers.
/// </summary>
public sealed class DraftFeedbackService(
    IScoringClient scoring,
    ILabelQueue labels,
    ShardKey shardKey,
    Pseudonymizer pseudonymizer,
    ILogger<DraftFeedbackService> logger)
{
    private const int MaxWords = 3000;
    private static readonly ActivitySource Source = new("College.Feedback.Drafts");
    private static readonly Meter Meter = new("College.Feedback.Drafts");
    private static readonly Histogram<double> BandScores = Meter.CreateHistogram<double>("feedback.band_score");

    public async Task<ScoringResponse?> ScoreAsync(DraftSubmission draft, CancellationToken ct)
    {
        using var activity = Source.StartActivity("feedback.score");
        var words = draft.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        activity?.SetTag("feedback.submission.id", draft.SubmissionId); // clean precision-names
        activity?.SetTag("feedback.word_count", words); // clean precision-about
        activity?.SetTag("feedback.student_year_group", draft.YearGroup); // clean precision-names
        activity?.SetTag("feedback.text_digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(draft.Text)))); // leak TC1002 hashes

        try
        {
            if (words > MaxWords)
            {
                throw new DraftRejectedException(draft.StudentNumber, words);
            }

            var inputs = new Dictionary<string, object?> { ["essay_text"] = draft.Text, ["assignment"] = draft.AssignmentId, ["year_group"] = draft.YearGroup };
            logger.LogDebug("Feedback model inputs: {Inputs}", inputs); // leak TC1001 logging-objects
            logger.LogDebug("Draft opening for drift review: {Opening}", draft.Text[..Math.Min(200, draft.Text.Length)]); // leak TC1001 strings

            var response = await scoring.ScoreAsync(new ScoringRequest("essay-feedback", inputs) { Explain = true }, ct);
            BandScores.Record(response.Score, new KeyValuePair<string, object?>("assignment", draft.AssignmentId), new KeyValuePair<string, object?>("model", response.ModelVersion)); // clean precision-about
            BandScores.Record(response.Score, new KeyValuePair<string, object?>("student", pseudonymizer.ComputeLearnriskStudentId(draft.StudentNumber))); // leak TC1003 precision-pseudonym
            logger.LogInformation("Feedback features {Features}", response.TopFeatures.Select(f => (f.Feature, f.Value))); // clean precision-about

            await SampleAsync(draft, response, inputs, activity, ct);
            return response;
        }
        catch (DraftRejectedException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "draft over the word limit"); // clean exceptions
            return null;
        }
        catch (ScoringException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning("Feedback model unavailable ({Status}) for {StudentRef}", ex.StatusCode, pseudonymizer.ComputeLearnriskStudentId(draft.StudentNumber)); // clean precision-pseudonym
            return null;
        }
    }

    private async Task SampleAsync(DraftSubmission draft, ScoringResponse response, Dictionary<string, object?> inputs, Activity? activity, CancellationToken ct)
    {
        var teacherSample = shardKey.Bucket(draft.SubmissionId, 20) == 0;
        activity?.SetTag("feedback.teacher_sample", teacherSample); // clean hashes
        var legacySample = Math.Abs(HashCode.Combine(draft.StudentNumber, draft.AssignmentId)) % 20 == 0;
        activity?.SetTag("feedback.legacy_sample", legacySample); // leak TC1002 hashes
        if (teacherSample)
        {
            await labels.EnqueueAsync(new LabelTask(draft.SubmissionId, draft.StudentNumber, response.Score, inputs), ct); // clean direct
        }
    }
}
