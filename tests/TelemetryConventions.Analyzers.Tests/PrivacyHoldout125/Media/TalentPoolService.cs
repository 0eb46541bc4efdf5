namespace PrivacyHoldout125.Media;

/// <summary>
/// The broadcaster's talent pool of freelance runners, researchers and camera operators: CVs are
/// parsed on upload, matched against open production roles, and people are invited to apply.
/// </summary>
public sealed class TalentPoolService(
    ICvParser parser,
    IAtsClient ats,
    Pseudonymizer pseudonymizer,
    ILogger<TalentPoolService> logger)
{
    private static readonly ActivitySource Source = new("Broadcaster.Talent.Pool");
    private static readonly Meter Meter = new("Broadcaster.Talent.Pool");
    private static readonly Counter<long> Parsed = Meter.CreateCounter<long>("newsjobs.cv.parsed");
    private static readonly Counter<long> Matches = Meter.CreateCounter<long>("newsjobs.pool.matches");

    public async Task<ParsedCv?> UploadAsync(long candidateId, CvDocument document, System.IO.Stream content, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("newsjobs.cv.upload");
        activity?.SetTag("newsjobs.cv.content_type", document.ContentType); // clean precision-names
        activity?.SetTag("newsjobs.cv.pages", document.Pages); // clean precision-about
        activity?.SetTag("newsjobs.cv.file_name", document.FileName); // leak TC1001 direct
        activity?.SetTag("newsjobs.candidate.id", pseudonymizer.ComputeNewsjobsCandidateId(candidateId)); // clean precision-pseudonym
        try
        {
            var cv = await parser.ParseAsync(document, content, cancellationToken);
            Parsed.Add(1, new KeyValuePair<string, object?>("newsjobs.cv.outcome", "parsed")); // clean precision-names
            activity?.SetTag("newsjobs.cv.skills", string.Join(",", cv.Skills.Take(10))); // clean precision-about
            activity?.SetTag("newsjobs.cv.postcode_district", cv.Postcode?.Split(' ')[0]); // clean precision-about
            activity?.SetTag("newsjobs.cv.phone", cv.Phone); // leak TC1001 direct
            logger.LogDebug("CV text starts: {Excerpt}", cv.RawText[..Math.Min(200, cv.RawText.Length)]); // leak TC1001 strings
            logger.LogInformation("Parsed CV for {Name}, {Years} years' experience", cv.FullName, cv.YearsOfExperience); // leak TC1001 direct
            return cv;
        }
        catch (CvParseException ex)
        {
            activity?.AddException(ex); // clean exceptions
            Parsed.Add(1, new KeyValuePair<string, object?>("newsjobs.cv.outcome", ex.Reason)); // clean exceptions
            return null;
        }
    }

    public async Task InviteAsync(Job production, IReadOnlyList<(Candidate Person, ParsedCv Cv)> matches, CancellationToken cancellationToken)
    {
        using var span = Source.StartNewsjobsApplication("invite", production.RequisitionId);
        span.SetNewsjobsSource("talent-pool").SetNewsjobsStage("invited"); // clean generated-api
        span.Activity?.SetTag("newsjobs.pool.matches", matches.Count); // clean precision-about
        var invited = matches.Select(m => m.Person.EmailAddresses.FirstOrDefault()).Where(e => e is not null).ToList();
        span.Activity?.AddEvent(new ActivityEvent("pool.invited", tags: new ActivityTagsCollection { ["count"] = invited.Count, ["recipients"] = string.Join(";", invited) })); // leak TC1001 strings
        logger.LogInformation("Invited {Invited} to apply for {Production}", invited, production.Title); // leak TC1001 logging-objects
        foreach (var (person, cv) in matches)
        {
            Matches.Add(1, new KeyValuePair<string, object?>("newsjobs.production", production.RequisitionId)); // clean precision-names
            await ats.AddNoteAsync(person.Id, $"Invited to {production.Title}", cancellationToken);
            logger.LogDebug("Invited a candidate tagged {Tags} with skills {Skills}", person.Tags, cv.Skills); // clean precision-about
        }
        span.SetNewsjobsNote($"{matches.Count} invited from the pool; top match {matches.FirstOrDefault().Cv?.FullName}"); // leak TC1001 generated-api
    }
}
