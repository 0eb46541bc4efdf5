namespace PrivacyHoldout169.Retail;

/// <summary>The shop counter's tablet: donors dropping off bags sign up for Retail Gift Aid.</summary>
[ApiController]
[Route("api/giftaid/sign-up")]
public sealed class GiftAidSignUpController(
    IDonorStore donors,
    IDonorMessenger messenger,
    Pseudonymizer pseudonymizer,
    ILogger<GiftAidSignUpController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("ShopGiving.SignUp");

    public sealed record SignUpForm(string Shop, string FullName, string HouseNumber, string Postcode, string Email, bool UkTaxpayer, string VolunteerStaffNumber);

    [HttpPost("")]
    public async Task<ActionResult> SignUp([FromBody] SignUpForm form, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("giftaid.sign_up");
        activity?.SetTag("signup.shop", form.Shop); // clean direct
        activity?.SetTag("signup.taxpayer", form.UkTaxpayer); // clean precision-about
        activity?.SetTag("signup.volunteer", form.VolunteerStaffNumber); // leak TC1001 direct
        activity?.SetTag("signup.postcode", form.Postcode); // leak TC1001 direct
        activity?.SetTag("signup.outward", form.Postcode.Split(' ')[0]); // clean precision-about
        logger.LogInformation(string.Concat("Signed up at ", form.Shop)); // clean strings
        activity?.SetTag("signup.summary", string.Join('|', form.Shop, form.FullName)); // leak TC1001 strings
        Activity.Current?.SetStatus(ActivityStatusCode.Ok, $"declaration taken at {form.Shop}"); // clean strings
        if (!form.UkTaxpayer)
        {
            logger.LogInformation("{Name} is not a UK taxpayer; no declaration", form.FullName); // leak TC1001 direct
            return BadRequest("not a taxpayer");
        }

        var supporterNumber = "S" + Random.Shared.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture);
        var declaration = new GiftAidDeclaration(Guid.NewGuid().ToString("N"), supporterNumber, form.FullName, form.HouseNumber, form.Postcode, DateOnly.FromDateTime(DateTime.UtcNow));
        logger.LogInformation("Declaration {DeclarationId} made on {MadeOn}", declaration.DeclarationId, declaration.MadeOn); // clean logging-objects
        activity?.AddEvent(new ActivityEvent("declaration.made", tags: new ActivityTagsCollection { ["declaration"] = declaration.ToString() })); // leak TC1001 logging-objects
        activity?.SetTag("signup.supporter", supporterNumber); // leak TC1001 direct
        var donorRef = pseudonymizer.PseudonymizeShopgivingDonorId(supporterNumber);
        activity?.SetTag("signup.donor", donorRef.ToString()); // clean precision-pseudonym
        await messenger.SendAsync(form.Email, "tpl-giftaid-welcome", cancellationToken);
        logger.LogInformation("Welcome sent, name of {NameLength} characters", form.FullName.Length); // clean precision-about
        return Ok(supporterNumber);
    }
}
