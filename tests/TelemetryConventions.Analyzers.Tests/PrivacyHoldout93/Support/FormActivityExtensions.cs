namespace PrivacyHoldout93.Support;

/// <summary>The platform team's helpers for tagging a form's spans, shared by every service.</summary>
public static class FormActivityExtensions
{
    /// <summary>Tags the span with the answer given to one field, under <c>form.answer.&lt;field id&gt;</c>.</summary>
    public static Activity? TagAnswer(this Activity? activity, FormSubmission submission, string fieldId)
    {
        activity?.SetTag($"form.answer.{fieldId}", submission.Answer(fieldId));
        return activity;
    }
}
