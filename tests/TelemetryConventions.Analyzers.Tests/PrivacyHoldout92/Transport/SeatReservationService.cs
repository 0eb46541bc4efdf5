namespace PrivacyHoldout92.Transport;

/// <summary>A seat booked on a long-distance train for one named passenger.</summary>
public sealed record SeatBooking(string Pnr, string Service, string Coach, string Seat, string PassengerName, string RailcardNumber, string Email);

/// <summary>Thrown when the seat was taken in the meantime: <c>Seat {coach}{seat} on {service} is taken.</c></summary>
public sealed class SeatTakenException(string service, string coach, string seat)
    : Exception($"Seat {coach}{seat} on {service} is taken.");

public interface IReservationSystem
{
    Task HoldAsync(SeatBooking booking, CancellationToken cancellationToken);
}

/// <summary>
/// Seat reservations and the bar-coded boarding passes printed for them: the barcode follows the rail industry's
/// layout, which starts with the passenger's name, and the pass is added to the passenger's wallet.
/// </summary>
public sealed class SeatReservationService(IReservationSystem reservations, IWalletObjects wallet, TicketingOptions options, Pseudonymizer pseudonymizer, ILogger<SeatReservationService> logger)
{
    private static readonly ActivitySource Source = new("Transit.Reservations");
    private string _lastPassenger = "";
    private string _lastPnr = "";

    public async Task<string?> ReserveAsync(SeatBooking booking, CancellationToken cancellationToken)
    {
        using var span = Source.StartFarepassReserve(booking.Service);
        span.SetFarepassPnr(booking.Pnr).SetFarepassCoach(booking.Coach).SetFarepassSeat(booking.Seat); // clean precision-names
        try
        {
            await reservations.HoldAsync(booking, cancellationToken);
        }
        catch (SeatTakenException ex)
        {
            span.SetFarepassOutcome("taken").RecordException(ex, includeMessage: true); // clean exceptions
            return null;
        }

        var surname = booking.PassengerName.Split(' ')[^1].ToUpperInvariant();
        var barcode = $"M1{surname,-20}E{booking.Pnr} {booking.Service[..4]}{booking.Coach}{booking.Seat,4}";
        _lastPassenger = booking.PassengerName;
        _lastPnr = booking.Pnr;
        span.Activity?.SetTag("farepass.barcode", barcode); // leak TC1001 strings
        span.Activity?.SetTag("farepass.barcode.length", barcode.Length); // clean precision-about
        logger.LogInformation("Reserved {Coach}{Seat} on {Service} for PNR {Pnr}", booking.Coach, booking.Seat, booking.Service, booking.Pnr); // clean precision-names
        logger.LogInformation("Reservation {Booking}", booking); // leak TC1001 logging-objects
        logger.LogInformation("Railcard {Railcard} applied", booking.RailcardNumber); // leak TC1001 direct

        var walletObject = new WalletObject
        {
            Id = $"{options.IssuerId}.{booking.Pnr}-{booking.Coach}{booking.Seat}",
            ClassId = $"{options.IssuerId}.{booking.Service}",
            TicketHolderName = booking.PassengerName,
            Barcode = new PassBarcode { Format = BarcodeFormat.Aztec, Message = barcode },
        };
        await wallet.InsertAsync(walletObject, cancellationToken);
        span.Activity?.SetTag("wallet.object.id", walletObject.Id); // clean strings
        span.SetFarepassNote($"boarding pass for {surname}"); // leak TC1001 generated-api
        span.Activity?.SetTag(FarepassAttributes.RiderContact, booking.Email[(booking.Email.IndexOf('@') + 1)..]); // leak TC1001 generated-api
        span.SetFarepassOutcome("issued");
        return barcode;
    }

    public void AnnotateLast(Activity? activity)
    {
        activity?.SetTag("farepass.last_pnr", _lastPnr); // clean cross-member
        activity?.SetTag("farepass.last_passenger", _lastPassenger); // leak TC1001 cross-member
    }
}
