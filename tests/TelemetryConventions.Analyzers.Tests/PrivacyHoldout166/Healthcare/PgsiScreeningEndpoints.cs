namespace PrivacyHoldout166.Healthcare;

public sealed record ScreeningAnswers(string NhsNumber, string Email, int[] Answers, string Source);

/// <summary>The self-referral questionnaire (Problem Gambling Severity Index) patients fill in online.</summary>
public static class PgsiScreeningEndpoints
{
    private static readonly ActivitySource Source = new("HarmClinic.Screening");
    private static readonly Meter Meter = new("HarmClinic.Screening");
    private static readonly Histogram<int> Scores = Meter.CreateHistogram<int>("harmclinic.pgsi.score");

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/screening", (ScreeningAnswers answers, ILogger<ScreeningAnswers> logger, Pseudonymizer pseudonymizer) => Screen(answers, logger, pseudonymizer));

    public static ActionResult Screen(ScreeningAnswers answers, ILogger logger, Pseudonymizer pseudonymizer)
    {
        using var activity = Source.StartActivity("pgsi.screen");
        var score = answers.Answers.Sum();
        activity?.SetTag("pgsi.score", score); // clean precision-about
        activity?.SetTag("pgsi.source", answers.Source); // clean precision-names
        activity?.SetTag("pgsi.contact", answers.Email); // leak TC1001 direct
        Scores.Record(score, new KeyValuePair<string, object?>("source", answers.Source)); // clean precision-about
        Scores.Record(score, new KeyValuePair<string, object?>("nhs", answers.NhsNumber)); // leak TC1003 direct

        var tags = new ActivityTagsCollection();
        tags.Add("pgsi.band", score >= 8 ? "problem" : score >= 3 ? "moderate" : "low");
        tags.Add("pgsi.answered", answers.Answers.Length);
        activity?.AddEvent(new ActivityEvent("pgsi.scored", tags: tags)); // clean precision-about

        var patientRef = pseudonymizer.Compute("patient", answers.NhsNumber);
        logger.LogInformation("Screening for {Patient} scored {Score}", patientRef, score); // clean precision-pseudonym
        logger.LogInformation("Screening for {Patient} scored {Score}", answers.NhsNumber, score); // leak TC1001 direct
        logger.LogInformation($"Screening {answers.Email} scored {score}"); // leak TC1001 strings
        logger.LogInformation("Screening from {Domain}", answers.Email[(answers.Email.IndexOf('@') + 1)..]); // clean precision-about
        var subject = string.Concat("screening-", answers.NhsNumber);
        activity?.SetTag("pgsi.subject", subject); // leak TC1001 strings
        activity?.SetTag("pgsi.subject.length", subject.Length); // clean precision-about
        Activity.Current?.SetBaggage("pgsi.email", answers.Email); // leak TC1001 direct

        if (answers.Answers.Length != 9)
        {
            var ex = new ArgumentException("PGSI needs nine answers", nameof(answers));
            activity?.AddException(ex); // clean exceptions
            return BadRequest(ex.Message);
        }

        return Ok(score);
    }

    private static ActionResult Ok(object? value) => new OkResult(value);

    private static ActionResult BadRequest(string detail) => new BadRequestResult(detail);
}
