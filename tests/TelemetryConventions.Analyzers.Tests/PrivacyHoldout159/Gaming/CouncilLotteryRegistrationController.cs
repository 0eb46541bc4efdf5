namespace PrivacyHoldout159.Gaming;

// Small society lottery registrations with the council's licensing team: a promoter registers, the council checks the society.
[ApiController]
[Route("api/lotteries")]
public sealed class CouncilLotteryRegistrationController(ILogger<CouncilLotteryRegistrationController> logger, Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("Council.Licensing.Lotteries");
    private readonly Counter<long> registrations = meter.CreateCounter<long>("lottery.registrations");

    [HttpPost("")]
    public ActionResult Register(string societyName, string charityNumber, string promoterName, string promoterEmail, DateOnly promoterDateOfBirth)
    {
        using var activity = Source.StartActivity("lottery.register");
        activity?.SetTag("lottery.society", societyName); // clean precision-about
        activity?.SetTag("lottery.charity_number", charityNumber); // clean precision-names
        activity?.SetTag("lottery.promoter", promoterName); // leak TC1001 direct
        activity?.SetTag("lottery.promoter.adult", promoterDateOfBirth.AddYears(18) <= DateOnly.FromDateTime(DateTime.Today)); // clean precision-about
        registrations.Add(1, new KeyValuePair<string, object?>("charity_number", charityNumber)); // clean precision-names
        registrations.Add(1, new KeyValuePair<string, object?>("promoter_email", promoterEmail)); // leak TC1003 direct
        logger.LogInformation("Lottery registered for {Society} (charity {Charity})", societyName, charityNumber); // clean precision-names
        logger.LogInformation("Lottery promoter {Email} born {Dob}", promoterEmail, promoterDateOfBirth); // leak TC1001 direct

        if (promoterDateOfBirth.AddYears(18) > DateOnly.FromDateTime(DateTime.Today))
        {
            var ex = new InvalidOperationException($"Promoter {promoterName} is under 18");
            logger.LogWarning(ex, "Registration refused"); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "promoter under 18"); // clean exceptions
            return BadRequest("under 18");
        }

        return Ok();
    }
}
