namespace PrivacyHoldout151.Media;

/// <summary>The regional newspaper's jobs board, which the jobcentre's vacancy feed fills and claimants apply through.</summary>
public static class JobsBoardEndpoints
{
    private static readonly ActivitySource Source = new("Newspaper.JobsBoard");
    private static readonly Meter Meter = new("Newspaper.JobsBoard");
    private static readonly Counter<long> ApplicationsReceived = Meter.CreateCounter<long>("jobsboard.applications");
    private static readonly Histogram<int> CoverLetterWords = Meter.CreateHistogram<int>("jobsboard.cover_letter.words");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/jobs/{advertId}/apply", ApplyAsync);
        routes.MapGet("/jobs/{advertId}", (string advertId) => View(advertId));
    }

    public static Task<ActionResult> ApplyAsync(JobAdvert advert, JobApplication application, Pseudonymizer pseudonymizer, ILogger<JobAdvert> logger)
    {
        using var span = Source.StartTvlicenceOperation(advert.Region);
        span.SetTvlicenceCandidateId(pseudonymizer.PseudonymizeTvlicenceCandidateId(application.CandidateEmail)); // clean precision-pseudonym
        Activity.Current?.SetTag("jobs.advert.id", advert.AdvertId); // clean precision-names
        Activity.Current?.SetTag("jobs.advert.employer", advert.Employer); // clean precision-about
        Activity.Current?.SetTag("jobs.candidate.email", application.CandidateEmail); // leak TC1001 direct
        Activity.Current?.SetTag(TvlicenceAttributes.Contact, application.CandidateEmail); // leak TC1001 generated-api
        Activity.Current?.SetTag("jobs.cover_letter", application.CoverLetter); // leak TC1001 direct
        Activity.Current?.SetTag("jobs.cover_letter.length", application.CoverLetter.Length); // clean precision-about
        CoverLetterWords.Record(application.CoverLetter.Split(' ').Length, new KeyValuePair<string, object?>("region", advert.Region)); // clean precision-about
        ApplicationsReceived.Add(1, new KeyValuePair<string, object?>("employer", advert.Employer), new KeyValuePair<string, object?>("region", advert.Region)); // clean precision-about
        ApplicationsReceived.Add(1, new KeyValuePair<string, object?>("candidate", pseudonymizer.ComputeTvlicenceCandidateId(application.CandidateEmail))); // leak TC1003 precision-pseudonym

        if (advert.Salary <= 0)
        {
            var ex = new AdvertExpiredException(advert.AdvertId);
            Activity.Current?.AddException(ex); // clean exceptions
            logger.LogWarning(ex, "Application {ApplicationId} to an expired advert", application.ApplicationId); // clean exceptions
            return Task.FromResult<ActionResult>(new BadRequestResult(ex.Message));
        }

        logger.LogInformation("Application {ApplicationId} to {AdvertId} from {Candidate}", application.ApplicationId, advert.AdvertId, Describe(application)); // leak TC1001 strings
        logger.LogInformation("Application {ApplicationId} to {AdvertId} ({Title})", application.ApplicationId, advert.AdvertId, advert.Title); // clean precision-names
        logger.LogInformation("Application received {@Application}", application with { CandidateEmail = "", CandidateName = "", CoverLetter = "" }); // clean logging-objects
        logger.LogInformation("Application received {@Application}", application); // leak TC1001 logging-objects
        return Task.FromResult<ActionResult>(new OkResult(application.ApplicationId));
    }

    private static ActionResult View(string advertId)
    {
        Activity.Current?.SetTag("jobs.advert.viewed", advertId); // clean precision-names
        return new OkResult(advertId);
    }

    private static string Describe(JobApplication application) => string.Concat(application.CandidateName, " <", application.CandidateEmail, ">");
}
