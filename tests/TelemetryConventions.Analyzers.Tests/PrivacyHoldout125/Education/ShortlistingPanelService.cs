namespace PrivacyHoldout125.Education;

/// <summary>
/// Shortlisting: each panel member scores the applications against the person specification; the
/// panel's scores are combined and the shortlist sent to the headteacher.
/// </summary>
public sealed class ShortlistingPanelService(
    IAtsClient ats,
    Pseudonymizer pseudonymizer,
    HiringOptions options,
    ILogger<ShortlistingPanelService> logger)
{
    private static readonly ActivitySource Source = new("Trust.Hiring.Shortlisting");
    private static readonly Meter Meter = new("Trust.Hiring.Shortlisting");
    private static readonly Histogram<double> Scores = Meter.CreateHistogram<double>("schooljobs.shortlist.score");

    public async Task<IReadOnlyList<long>> ShortlistAsync(Job job, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("schooljobs.shortlist");
        activity?.SetTag("schooljobs.vacancy.id", job.RequisitionId); // clean precision-names
        var applications = await ats.ListApplicationsAsync(job.Id, "active", cancellationToken);
        var ranked = new List<(Application Application, double Score, long Chair)>();
        foreach (var application in applications)
        {
            var cards = await ats.GetScorecardsAsync(application.Id, cancellationToken);
            var mean = cards.Count == 0 ? 0 : cards.Average(c => c.Ratings.Values.Average());
            ranked.Add((application, mean, cards.FirstOrDefault()?.InterviewerId ?? 0));
            Scores.Record(mean, new KeyValuePair<string, object?>("schooljobs.vacancy.id", job.RequisitionId)); // clean precision-names
            Scores.Record(mean, new KeyValuePair<string, object?>("schooljobs.scorer", cards.FirstOrDefault()?.InterviewerName)); // leak TC1003 direct
            foreach (var card in cards.Where(c => c.KeyTakeaways is not null))
            {
                logger.LogDebug("Scorecard {Scorecard} for application {Application}: {Takeaways}", card.Id, application.Id, card.KeyTakeaways); // leak TC1001 direct
            }
            logger.LogDebug("Scorecards {@Cards}", cards.Select(c => new { c.Id, c.Interview, c.OverallRecommendation })); // clean logging-objects
        }

        var shortlist = ranked.OrderByDescending(r => r.Score).Take(options.ShortlistSize).ToList();
        activity?.SetTag("schooljobs.shortlist.size", shortlist.Count); // clean precision-about
        activity?.SetTag("schooljobs.shortlist.cutoff", shortlist.Count == 0 ? 0 : shortlist[^1].Score); // clean precision-about
        activity?.SetTag("schooljobs.shortlist.applications", string.Join(",", shortlist.Select(s => s.Application.Id))); // clean precision-names
        activity?.SetTag("schooljobs.shortlist.candidates", string.Join(",", shortlist.Select(s => s.Application.CandidateId))); // leak TC1001 strings
        activity?.SetTag("schooljobs.shortlist.candidate_refs", string.Join(",", shortlist.Select(s => pseudonymizer.ComputeSchooljobsCandidateId(s.Application.CandidateId)))); // clean precision-pseudonym
        logger.LogInformation("Shortlist for {Requisition}: {@Shortlist}", job.RequisitionId, shortlist.Select(s => s.Application)); // leak TC1001 logging-objects
        logger.LogInformation("Shortlist scores for {Requisition}: {Scores}", job.RequisitionId, shortlist.Select(s => Math.Round(s.Score, 1))); // clean precision-about
        foreach (var (application, score, chair) in shortlist)
        {
            using var span = Source.StartSchooljobsApplication(application.Id.ToString(CultureInfo.InvariantCulture), job.RequisitionId);
            span.SetSchooljobsStage("shortlisted").SetSchooljobsScore(score).SetSchooljobsInterviewerId(pseudonymizer.PseudonymizeSchooljobsInterviewerId(chair)); // clean generated-api
            span.Activity?.SetTag("schooljobs.chair", chair); // leak TC1001 direct
        }
        return shortlist.Select(s => s.Application.Id).ToList();
    }
}
