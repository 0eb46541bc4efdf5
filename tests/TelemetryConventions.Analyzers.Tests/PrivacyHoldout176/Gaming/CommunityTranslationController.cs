namespace PrivacyHoldout176.Gaming;

/// <summary>Players volunteer translations of the game's strings; reviewers accept or reject them.</summary>
[ApiController]
[Route("api/localisation/community")]
public sealed class CommunityTranslationController(Pseudonymizer pseudonymizer, ILogger<CommunityTranslationController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Studio.Localisation");
    private static readonly Meter Meter = new("Studio.Localisation");
    private static readonly Counter<long> Submissions = Meter.CreateCounter<long>("localisation.community.submissions");

    [HttpPost("")]
    public ActionResult Submit([FromBody] CommunityTranslation translation)
    {
        using var activity = Source.StartActivity("CommunityTranslation.Submit");
        activity?.SetTag("string.key", translation.StringKey); // clean precision-names
        activity?.SetTag("string.locale", translation.Locale); // clean precision-about
        activity?.SetTag("player.gamertag", translation.Gamertag); // leak TC1001 direct
        activity?.SetTag("player.id", translation.PlayerId); // leak TC1001 direct
        activity?.SetTag("player.ref", pseudonymizer.PseudonymizeRealmlocaleLearnerId(translation.PlayerId).Value); // clean precision-pseudonym
        activity?.SetTag("translation.length", translation.Text.Length); // clean precision-about
        Submissions.Add(1, new KeyValuePair<string, object?>("locale", translation.Locale)); // clean precision-about
        Submissions.Add(1, new KeyValuePair<string, object?>("translator", translation.Gamertag)); // leak TC1003 direct

        logger.LogInformation("Translation of {Key} into {Locale} by {Translator}", translation.StringKey, translation.Locale, translation.Gamertag); // leak TC1001 direct
        logger.LogInformation("Translation {Translation}", translation); // leak TC1001 logging-objects
        logger.LogInformation("Translation of {Key} into {Locale} received", translation.StringKey, translation.Locale); // clean precision-names

        if (translation.Text.Contains('{') != translation.StringKey.Contains("fmt", StringComparison.Ordinal))
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"Placeholder mismatch in {translation.StringKey}"); // clean strings
            activity?.SetStatus(ActivityStatusCode.Error, $"Placeholder mismatch from {translation.Gamertag}"); // leak TC1001 strings
            return BadRequest("placeholder mismatch");
        }

        return Ok();
    }

    [HttpPost("{stringKey}/review")]
    public ActionResult Review(string stringKey, [FromBody] CommunityTranslation translation, bool accepted)
    {
        Activity.Current?.AddEvent(new ActivityEvent("credits.updated", tags: new ActivityTagsCollection { ["credit"] = CreditLine(translation) })); // leak TC1001 cross-member
        Activity.Current?.SetTag("review.accepted", accepted); // clean precision-about
        logger.LogInformation("Review of {Key}: accepted={Accepted}", stringKey, accepted); // clean precision-names
        var sb = new StringBuilder();
        sb.AppendFormat(CultureInfo.InvariantCulture, "Reviewed {0} by {1}", stringKey, translation.PlayerId);
        logger.LogInformation(sb.ToString()); // leak TC1001 strings
        logger.LogInformation("Reviewed {Key} in {Locale}, {Chars} characters", stringKey, translation.Locale, translation.Text.Length); // clean precision-about
        return Ok();
    }

    private static string CreditLine(CommunityTranslation translation) => $"Translated by {translation.Gamertag}";
}
