namespace PrivacyHoldout170.Media;

/// <summary>The broadcaster's freelancer onboarding: right to work and payroll details before a first booking.</summary>
public static partial class FreelancerOnboardingEndpoints
{
    private static readonly ActivitySource Source = new("Broadcaster.Freelancers.Onboarding");
    private static readonly Meter Meter = new("Broadcaster.Freelancers.Onboarding");
    private static readonly FreelancehireChecksCounter Checks = Meter.CreateFreelancehireChecksCounter();

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/freelancers/{freelancerId}/onboarding", OnboardAsync);
    }

    private static async Task<ActionResult> OnboardAsync(string freelancerId, FreelancerProfile profile, ShareCodeCheck rightToWork, IHomeOfficeService homeOffice, ILoggerFactory loggers, Pseudonymizer pseudonymizer, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("FreelancerOnboarding");
        using var span = Source.StartFreelancehireOperation("news")
            .SetFreelancehireFreelancerId(pseudonymizer.PseudonymizeFreelancehireFreelancerId(freelancerId)) // clean generated-api
            .SetFreelancehireCheckType("right_to_work"); // clean precision-about
        span.Activity?.SetTag("freelancer.id", freelancerId); // leak TC1001 direct
        span.Activity?.SetTag("freelancer.nino", profile.NationalInsuranceNumber); // leak TC1001 direct
        span.Activity?.SetTag("freelancer.nino_present", profile.NationalInsuranceNumber.Length > 0); // clean precision-about
        LogOnboarding(logger, profile.Email, "news"); // clean precision-names
        LogOnboardingStarted(logger, freelancerId); // leak TC1001 direct
        using (logger.BeginScope(new KeyValuePair<string, object>("FreelancerRef", pseudonymizer.ComputeFreelancehireFreelancerId(freelancerId)))) // clean precision-pseudonym
        {
            try
            {
                var outcome = await homeOffice.VerifyAsync(rightToWork.ShareCode, rightToWork.DateOfBirth, cancellationToken);
                span.SetFreelancehireOutcome(outcome.Outcome); // clean precision-about
                span.SetFreelancehireNote($"check {outcome.CheckReference}, expires {outcome.PermissionExpires:yyyy-MM}"); // clean generated-api
                Checks.Add(1, "news", outcome.Outcome); // clean generated-api
            }
            catch (ShareCodeRejectedException ex)
            {
                span.SetFreelancehireNote($"share code {rightToWork.ShareCode} with dob {rightToWork.DateOfBirth:yyyy-MM-dd} refused"); // leak TC1001 generated-api
                logger.LogFreelancehireOperationFailedEvent("news", "share_code_rejected", pseudonymizer.PseudonymizeFreelancehireCandidateId(freelancerId), ex.Message); // leak TC1001 generated-api
                Checks.Add(1, "news", "share_code_rejected"); // clean generated-api
                return new BadRequestResult("share code rejected");
            }
        }
        logger.LogInformation("Onboarded {Profile}", profile); // leak TC1001 logging-objects
        logger.LogInformation(string.Concat("Onboarded freelancer ", profile.FullName, " for news")); // leak TC1001 strings
        logger.LogInformation(string.Concat("Onboarded a freelancer for ", "news")); // clean strings
        logger.LogInformation("Onboarded freelancer with NI prefix {Prefix}", profile.NationalInsuranceNumber[..2]); // clean precision-about
        return new OkResult(null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Onboarding pack sent to {Email} for outlet {Outlet}")]
    private static partial void LogOnboarding(ILogger logger, [PrivateData] string email, string outlet);

    [LoggerMessage(Level = LogLevel.Information, Message = "Onboarding started for freelancer {FreelancerId}")]
    private static partial void LogOnboardingStarted(ILogger logger, string freelancerId);
}
