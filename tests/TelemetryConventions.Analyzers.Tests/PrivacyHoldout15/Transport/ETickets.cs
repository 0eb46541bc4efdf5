using System.Diagnostics;
using System.Net.Mail;
using Microsoft.Extensions.Logging;
using PrivacyHoldout15.Support;
using PrivacyHoldout15.Support.Hangfire;
using PrivacyHoldout15.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout15.Transport;

public sealed record Booking(string BookingReference, Guid PassengerId, string PassengerFirstName, string PassengerLastName, string Email, string? Mobile, string From, string To, DateTimeOffset Departs, string Coach, string Seat);

public interface IBookingStore
{
    Task<Booking?> GetAsync(string bookingReference, CancellationToken cancellationToken);
}

public sealed class TicketDeliveryFailedException(string bookingReference, string email, Exception inner)
    : Exception($"Ticket for booking {bookingReference} could not be sent to {email}", inner)
{
    public string BookingReference { get; } = bookingReference;
}

public static partial class TicketLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "E-ticket {FileName} generated for booking {BookingReference}")]
    public static partial void TicketGenerated(ILogger logger, string fileName, string bookingReference);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "E-ticket for booking {BookingReference} ({From} to {To}) sent")]
    public static partial void TicketSent(ILogger logger, string bookingReference, string from, string to);
}

/// <summary>A Hangfire job that renders the e-ticket PDF and emails it after a booking is paid.</summary>
[Queue("tickets")]
[AutomaticRetry(Attempts = 4)]
public sealed class ETicketJob(IBookingStore bookings, ITemplateRenderer templates, IPdfRenderer pdf, SmtpClient smtp, Pseudonymizer pseudonymizer, ILogger<ETicketJob> logger)
{
    private static readonly ActivitySource Source = new("Transit.Tickets");

    public static string Enqueue(IBackgroundJobClient jobs, Booking booking) =>
        jobs.Enqueue<ETicketJob>(job => job.SendAsync(booking.BookingReference, CancellationToken.None));

    public async Task SendAsync(string bookingReference, CancellationToken cancellationToken)
    {
        using var run = Source.StartJobRun("e-ticket").SetJobQueue("tickets");
        run.Activity?.SetTag("booking.reference", bookingReference); // clean precision-names
        var booking = await bookings.GetAsync(bookingReference, cancellationToken) ?? throw new InvalidOperationException($"Booking {bookingReference} not found"); // clean exceptions
        run.SetJobSubjectId(pseudonymizer.PseudonymizeJobSubjectId(booking.PassengerId.ToString())); // clean precision-pseudonym

        var html = await templates.RenderAsync("Tickets/ETicket", booking);
        var bytes = await pdf.RenderAsync(html);
        var fileName = $"eticket-{booking.BookingReference}-{booking.PassengerLastName.ToUpperInvariant()}.pdf";
        TicketLog.TicketGenerated(logger, fileName, booking.BookingReference); // leak TC1001 strings
        TicketLog.TicketSent(logger, booking.BookingReference, booking.From, booking.To); // clean precision-names

        using var mail = new MailMessage("tickets@transit.example", booking.Email)
        {
            Subject = $"Your e-ticket {booking.From} – {booking.To}, {booking.Departs:ddd d MMM}",
            Body = $"Dear {booking.PassengerFirstName} {booking.PassengerLastName}, your ticket is attached. Coach {booking.Coach}, seat {booking.Seat}.",
        };
        mail.Attachments.Add(new Attachment(new MemoryStream(bytes), fileName, "application/pdf"));
        run.Activity?.SetTag("ticket.subject", mail.Subject); // clean strings
        run.Activity?.SetTag("ticket.body", mail.Body); // leak TC1001 strings
        run.Activity?.SetTag("ticket.attachments", string.Join(";", mail.Attachments.Select(a => a.Name))); // leak TC1001 cross-member

        try
        {
            await smtp.SendMailAsync(mail, cancellationToken);
        }
        catch (SmtpException ex)
        {
            var failure = new TicketDeliveryFailedException(booking.BookingReference, booking.Email, ex);
            run.RecordException(failure); // clean exceptions
            run.RecordException(failure, includeMessage: true); // leak TC1001 exceptions
            throw failure; // leak TC1001 exceptions
        }

        run.SetJobOutcome($"sent {bytes.Length} bytes for {booking.BookingReference}"); // clean strings
        logger.LogInformation("E-ticket mailed for passenger {PassengerId}", booking.PassengerId); // leak TC1001 direct
        logger.LogInformation("E-ticket mailed to {Recipient}", mail.To[0].Address); // leak TC1001 cross-member
        logger.LogInformation("E-ticket mailed, mobile on file {HasMobile}, departs in {Hours:0} h", booking.Mobile is not null, (booking.Departs - DateTimeOffset.UtcNow).TotalHours); // clean precision-about
    }
}
