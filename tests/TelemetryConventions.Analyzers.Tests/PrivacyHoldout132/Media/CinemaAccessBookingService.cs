namespace PrivacyHoldout132.Media;

public sealed record AccessibleSeatBooking(string OrderId, Guid MemberId, string MemberEmail, string CinemaCode, string ScreeningId, string? CeaCardNumber, bool WheelchairSpace, bool NeedsCompanionSeat, bool SubtitledScreening);

public interface ICeaCardVerifier
{
    Task<DateOnly> VerifyAsync(string cardNumber, CancellationToken cancellationToken = default);
}

/// <summary>The cinema chain's booking of wheelchair spaces and free companion tickets for CEA card holders, and of subtitled and audio-described screenings.</summary>
public sealed class CinemaAccessBookingService(
    ICeaCardVerifier cea,
    Pseudonymizer pseudonymizer,
    ILogger<CinemaAccessBookingService> logger)
{
    private static readonly ActivitySource Source = new("Cinemas.AccessBooking");
    private static readonly Meter Meter = new("Cinemas.AccessBooking");
    private static readonly Counter<long> CompanionTickets = Meter.CreateCounter<long>("cinema.companion_tickets");
    private readonly ViewaccessAssistsCounter _assists = Meter.CreateViewaccessAssistsCounter();

    public async Task<bool> BookAsync(AccessibleSeatBooking booking, IReadOnlyList<AccessibleSpace> spaces, CancellationToken cancellationToken)
    {
        using var span = Source.StartViewaccessAssist(booking.CinemaCode);
        span.SetViewaccessBookingId(booking.OrderId); // clean precision-names
        span.SetViewaccessPersonId(pseudonymizer.PseudonymizeViewaccessPersonId(booking.MemberId.ToString())); // clean precision-pseudonym
        span.SetViewaccessCompanions(booking.NeedsCompanionSeat ? 1 : 0); // clean precision-about
        Baggage.SetBaggage("member.id", booking.MemberId.ToString()); // leak TC1001 direct
        span.Activity?.SetTag("cinema.screening", booking.ScreeningId); // clean precision-names
        span.Activity?.SetTag("cinema.subtitled", booking.SubtitledScreening); // clean precision-about
        if (booking.SubtitledScreening)
        {
            logger.LogInformation("Subtitled screening {Screening} booked by {Email}", booking.ScreeningId, booking.MemberEmail); // leak TC1001 direct
        }
        span.Activity?.SetTag(ViewaccessAttributes.Contact, pseudonymizer.Pseudonymize("member.email", booking.MemberEmail).ToString()); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag("cinema.member_email_domain", booking.MemberEmail[(booking.MemberEmail.IndexOf('@') + 1)..]); // clean precision-about

        if (booking.CeaCardNumber is { } card)
        {
            try
            {
                var expires = await cea.VerifyAsync(card, cancellationToken);
                span.Activity?.SetTag("cinema.cea_expires", expires.ToString("yyyy-MM", CultureInfo.InvariantCulture)); // clean precision-about
                span.Activity?.SetTag("cinema.cea_last4", card[^4..]); // clean precision-about
                CompanionTickets.Add(1, new KeyValuePair<string, object?>("cinema", booking.CinemaCode)); // clean precision-names
                logger.LogInformation("Companion ticket issued on CEA card {Card}", card); // leak TC1001 direct
            }
            catch (ConcessionCardRejectedException ex)
            {
                logger.LogWarning(ex, "CEA card refused for order {Order}", booking.OrderId); // leak TC1001 exceptions
                span.SetStatus(ActivityStatusCode.Error, $"{ex.Scheme} card refused"); // clean exceptions
                logger.LogViewaccessAssistFailedEvent(booking.CinemaCode, "card-refused", viewaccessNote: $"CEA {card} refused for {booking.OrderId}"); // leak TC1001 generated-api
                return false;
            }
        }

        if (booking.WheelchairSpace)
        {
            var free = spaces.Where(s => s.WheelchairSpace && (!booking.NeedsCompanionSeat || s.CompanionSeatAdjacent)).ToList();
            span.Activity?.SetTag("cinema.wheelchair_spaces_free", free.Count); // clean precision-about
            if (free.Count == 0)
            {
                var ex = new NoAccessibleSpaceException(booking.CinemaCode, "stalls", DateOnly.FromDateTime(DateTime.UtcNow));
                span.RecordException(ex, includeMessage: true); // clean exceptions
                _assists.Add(1, booking.CinemaCode, viewaccessOutcome: "no-space"); // clean generated-api
                return false;
            }
            logger.LogInformation("Wheelchair space {Space} held for order {Order}", free[0], booking.OrderId); // clean logging-objects
        }

        _assists.Add(1, booking.CinemaCode, viewaccessOutcome: "booked"); // clean precision-names
        logger.LogInformation("Access booking {Booking}", booking); // leak TC1001 logging-objects
        return true;
    }
}
