namespace PrivacyHoldout157.Transport;

/// <summary>A disrupted passenger asking for a hotel. Prints PNR, passenger name, frequent flyer number, mobile and flight.</summary>
public sealed record VoucherRequest(string Pnr, string PassengerName, string FrequentFlyerNumber, string Mobile, string Flight, string Station);

public interface IVoucherIssuer
{
    Task<HotelVoucher> IssueAsync(VoucherRequest request, string hotelCode, CancellationToken cancellationToken = default);
}

/// <summary>Minimal API the airport desk and the app use to give disrupted passengers hotel vouchers.</summary>
public static class DisruptionHotelVoucherEndpoints
{
    private static readonly ActivitySource Source = new("Airline.DisruptionHotels");
    private static readonly Meter Meter = new("Airline.DisruptionHotels");
    private static readonly Counter<long> Vouchers = Meter.CreateCounter<long>("disruption.vouchers");

    public static EndpointRoutes MapDisruptionVouchers(this EndpointRoutes routes) => routes.MapPost("/disruption/hotel", IssueAsync);

    private static async Task<ActionResult> IssueAsync(VoucherRequest request, IVoucherIssuer issuer, IHotelDesk hotels, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<VoucherRequest> logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartLayoverOperation(request.Station);
        span.SetLayoverPassengerId(pseudonymizer.PseudonymizeLayoverPassengerId(request.FrequentFlyerNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("disruption.pnr", request.Pnr); // clean direct
        Activity.Current?.SetTag("disruption.flight", request.Flight); // clean direct
        Activity.Current?.SetTag("disruption.frequent_flyer", request.FrequentFlyerNumber); // leak TC1001 direct
        Activity.Current?.SetBaggage("passenger", pseudonymizer.ComputeLayoverPassengerId(request.FrequentFlyerNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("disruption.passenger.partition", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.FrequentFlyerNumber))[0] % 10); // clean hashes
        Activity.Current?.SetTag("disruption.passenger.dedupe", request.PassengerName.GetHashCode()); // leak TC1002 hashes

        var hotel = request.Station == "LHR" ? "HX-LHR-T5" : "HX-" + request.Station;
        try
        {
            var voucher = await issuer.IssueAsync(request, hotel, cancellationToken);
            Activity.Current?.SetTag("disruption.voucher", voucher.VoucherCode); // leak TC1001 direct
            Activity.Current?.SetTag("disruption.voucher.hotel", hotel); // clean direct
            logger.LogInformation("Voucher {@Voucher}", voucher); // leak TC1001 logging-objects
            logger.LogInformation("Voucher for PNR {Pnr} at {Hotel}", voucher.Pnr, hotel); // clean logging-objects
            Vouchers.Add(1, new KeyValuePair<string, object?>("station", request.Station)); // clean direct
            Vouchers.Add(1, new KeyValuePair<string, object?>("pnr", request.Pnr)); // clean precision-names
            span.SetLayoverNote(VoucherNote(request, hotel)); // leak TC1001 generated-api
            return new OkResult(voucher.VoucherCode);
        }
        catch (AllotmentExhaustedException ex)
        {
            logger.LogWarning(ex, "Disruption hotel full"); // clean exceptions
            Activity.Current?.SetTag(LayoverAttributes.Contact, request.Mobile); // leak TC1001 generated-api
            logger.LogInformation("Passenger has a mobile for the callback: {HasMobile}", request.Mobile.Length > 0); // clean precision-about
            return new BadRequestResult("Hotel full; the desk will call you");
        }
    }

    private static string VoucherNote(VoucherRequest request, string hotel) => $"{request.PassengerName} on {request.Flight} to {hotel}";
}
