namespace PrivacyHoldout194.Transport;

/// <summary>The coach operator's first notice of loss desk: a driver or controller reports a collision.</summary>
public static class FirstNoticeEndpoints
{
    private static readonly ActivitySource Source = new("Coaches.FirstNotice");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/fnol", SubmitAsync);

    private static string ThirdPartyKey(FirstNoticeOfLoss notice) => notice.ThirdPartyRegistration.Replace(" ", string.Empty);

    private static async Task<object> SubmitAsync(FirstNoticeOfLoss notice, IClaimsGateway claims, Pseudonymizer pseudonymizer, ILogger<FirstNoticeOfLoss> logger, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("fnol.submit");
        activity?.SetTag("claim.id", notice.ClaimId); // clean precision-names
        activity?.SetTag("claim.injuries", notice.Injuries); // clean precision-about
        activity?.SetTag("claim.loss_hour", notice.LossAt.Hour); // clean precision-about
        activity?.SetTag("claim.description", notice.Description); // leak TC1001 direct
        activity?.SetTag("claim.description_length", notice.Description.Length); // clean precision-about
        activity?.SetTag("claim.third_party", ThirdPartyKey(notice)); // leak TC1001 cross-member
        activity?.SetTag("claim.driver_name", notice.DriverName); // leak TC1001 direct
        logger.LogInformation("FNOL received {Notice}", notice); // leak TC1001 logging-objects
        logger.LogInformation("FNOL received {@Notice}", new { notice.ClaimId, notice.Injuries, notice.LossAt }); // clean logging-objects

        try
        {
            var ack = await claims.SubmitAsync(notice, cancellationToken);
            activity?.SetTag("claim.status", ack.Status); // clean precision-about
            activity?.SetTag("claim.handler_team", ack.HandlerTeam); // clean precision-names
            logger.LogInformation("FNOL acknowledged {Ack}", ack); // clean logging-objects
            return new { ack.ClaimId, ack.Status };
        }
        catch (DriverNotCoveredException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogFleetfnolOperationFailedEvent("central", "not-covered", fleetfnolNote: ex.Message); // leak TC1001 generated-api
            return new { notice.ClaimId, Status = "referred" };
        }
        catch (ClaimsGatewayTimeoutException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogError(ex, "Claims gateway timed out for {ClaimId}", notice.ClaimId); // clean exceptions
            activity?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            return new { notice.ClaimId, Status = "queued" };
        }
    }
}
