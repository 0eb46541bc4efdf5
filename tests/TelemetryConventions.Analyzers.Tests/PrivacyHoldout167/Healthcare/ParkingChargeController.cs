namespace PrivacyHoldout167.Healthcare;

/// <summary>Patients and visitors look up and pay the hospital's parking charge notices, or appeal them.</summary>
[ApiController]
[Route("api/parking-charges")]
public sealed class ParkingChargeController(
    IPenaltyStore notices,
    IKeeperLookup keepers,
    Pseudonymizer pseudonymizer,
    ILogger<ParkingChargeController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Hospital.ParkingCharges");

    [HttpGet("{noticeNumber}")]
    public async Task<ActionResult> Get(string noticeNumber, string vrm)
    {
        using var span = Source.StartWardparkOperation("main-site");
        span.SetWardparkNoticeRef(noticeNumber); // clean generated-api
        logger.LogInformation("Lookup for plate {Vrm}", vrm); // leak TC1001 direct
        logger.LogInformation("Charge lookup for notice {Notice}", noticeNumber); // clean precision-about
        var notice = await notices.FindAsync(noticeNumber);
        if (notice is null || Plates.Normalise(notice.Vrm) != Plates.Normalise(vrm))
        {
            logger.LogWarning("Notice {Notice} does not match plate " + vrm, noticeNumber); // leak TC1001 strings
            span.SetWardparkOutcome("mismatch"); // clean generated-api
            return NotFound();
        }

        span.SetWardparkVehiclePlate(pseudonymizer.PseudonymizeWardparkVehiclePlate(notice.Vrm)); // clean generated-api
        span.SetWardparkNote($"notice for {notice.Vrm} at {notice.LocationCode}"); // leak TC1001 generated-api
        logger.LogInformation("Notice {@Notice} found", notice); // leak TC1001 logging-objects
        logger.LogInformation("Notice {Notice} is {Code} for {Amount}", notice.NoticeNumber, notice.ContraventionCode, notice.Amount); // clean precision-about
        return Ok(notice);
    }

    [HttpPost("{noticeNumber}/representations")]
    public async Task<ActionResult> Appeal(string noticeNumber, [FromBody] Representation representation)
    {
        using var activity = Source.StartActivity("charge.appeal");
        activity?.SetTag("appeal.notice", representation.NoticeNumber); // clean precision-about
        activity?.SetTag("appeal.grounds", representation.Grounds); // leak TC1001 direct
        activity?.SetTag("appeal.grounds.length", representation.Grounds.Length); // clean precision-about
        activity?.SetTag("appeal.email.domain", representation.AppellantEmail.Split('@')[1]); // clean precision-about
        activity?.SetTag(WardparkAttributes.Contact, representation.AppellantEmail); // leak TC1001 generated-api
        using (logger.BeginScope("Appeal by {Email}", representation.AppellantEmail)) // leak TC1001 direct
        {
            var notice = await notices.FindAsync(noticeNumber);
            if (notice is null)
            {
                return NotFound();
            }

            try
            {
                var keeper = await keepers.FindKeeperAsync(notice.Vrm, DateTimeOffset.UtcNow);
                activity?.SetTag("appeal.keeper.company", keeper?.IsCompany); // clean precision-about
                logger.LogInformation("Keeper for appeal: {Keeper}", keeper); // leak TC1001 logging-objects
            }
            catch (VehicleNotFoundException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Keeper enquiry failed: {Error}", ex.GetType().Name); // clean exceptions
            }
            catch (KeeperEnquiryException ex)
            {
                logger.LogWarning(ex, "Keeper enquiry unavailable for notice {Notice}", noticeNumber); // clean exceptions
            }
        }

        return Ok();
    }
}
