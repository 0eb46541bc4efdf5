namespace PrivacyHoldout171.Transport;

public sealed record UnlockRequest(string MemberId, string VehicleId, string PhoneNumber, string LicenceNumber);

/// <summary>The member app's unlock endpoint: checks the licence, unlocks the car through the telematics gateway.</summary>
public static class KeylessUnlockHandler
{
    private static readonly ActivitySource Source = new("CityShare.Unlock");
    private static readonly Meter Meter = new("CityShare.Unlock");
    private static readonly Counter<long> Unlocks = Meter.CreateCounter<long>("cityshare.unlocks");

    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/vehicles/{vehicleId}/unlock", UnlockAsync);

    public static async Task<ActionResult> UnlockAsync(
        UnlockRequest request,
        ITelematicsGateway gateway,
        ILicenceCheckService licences,
        Pseudonymizer pseudonymizer,
        ILogger<UnlockRequest> logger,
        CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("vehicle.unlock");
        activity?.SetTag("vehicle.id", request.VehicleId); // clean precision-names
        activity?.SetBaggage("member.id", request.MemberId); // leak TC1001 direct
        activity?.SetBaggage("member.ref", pseudonymizer.ComputeCityshareRenterId(request.MemberId)); // clean precision-pseudonym
        activity?.SetTag("member.phone.prefix", request.PhoneNumber[..5]); // clean precision-about

        using (logger.BeginScope("Unlock for {Member}", request.MemberId)) // leak TC1001 direct
        {
            try
            {
                var check = await licences.CheckAsync(request.LicenceNumber, "unlock", cancellationToken);
                activity?.SetTag("licence.points", check.PenaltyPoints); // clean precision-about
                activity?.SetTag("licence.endorsements", string.Join(",", check.EndorsementCodes)); // clean precision-about
                if (!check.Valid)
                {
                    throw new LicenceInvalidException(request.LicenceNumber);
                }

                await gateway.UnlockAsync(request.VehicleId, cancellationToken);
                Unlocks.Add(1, new KeyValuePair<string, object?>("outcome", "unlocked")); // clean precision-about
            }
            catch (LicenceInvalidException ex)
            {
                activity?.AddException(ex); // leak TC1001 exceptions
                logger.LogWarning("Unlock refused: licence {Licence} invalid", request.LicenceNumber); // leak TC1001 direct
                Unlocks.Add(1, new KeyValuePair<string, object?>("licence", request.LicenceNumber)); // leak TC1003 direct
                return new BadRequestResult("licence");
            }
            catch (TelematicsGatewayException ex)
            {
                activity?.AddException(ex); // clean exceptions
                logger.LogError(ex, "Gateway refused unlock of {VehicleId}", request.VehicleId); // clean exceptions
                return new BadRequestResult("gateway");
            }
        }

        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.LicenceNumber)));
        activity?.SetTag("licence.digest", digest); // leak TC1002 hashes
        return new OkResult(null);
    }
}
