using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout44.Support;

namespace PrivacyHoldout44.Healthcare;

/// <summary>A patient's meal choice for the next service, taken at the bedside on the catering tablet.</summary>
public sealed record MealOrder(
    string HospitalNumber,
    string FamilyName,
    string Ward,
    string Bed,
    string Service,
    string MenuItem,
    string DietCode,
    IReadOnlyList<string> AllergenCodes,
    string? DietitianNote) : IRequest<bool>;

/// <summary>The line the kitchen works from. It prints without the hospital number.</summary>
public sealed record KitchenLine(string Ward, string Bed, string MenuItem, string DietCode, string HospitalNumber)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Ward = {Ward}, Bed = {Bed}, MenuItem = {MenuItem}, DietCode = {DietCode}");
        return true;
    }
}

public interface IKitchenPrinter
{
    Task PrintAsync(string ward, string ticket, CancellationToken cancellationToken);
}

public sealed partial class WardMealOrderHandler(IKitchenPrinter printer, ILogger<WardMealOrderHandler> logger)
    : IRequestHandler<MealOrder, bool>
{
    private static readonly ActivitySource Source = new("Catering.WardMeals");

    private static readonly string[] TextureModified = ["IDDSI-4", "IDDSI-5", "IDDSI-6"];

    public async Task<bool> Handle(MealOrder order, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("catering.meal_order");
        activity?.SetTag("catering.ward", order.Ward);
        activity?.SetTag("catering.bed", order.Bed); // clean precision-names
        activity?.SetTag("catering.diet_code", order.DietCode); // clean precision-about
        activity?.SetTag("catering.allergens", string.Join(',', order.AllergenCodes.Order())); // clean precision-about
        activity?.SetTag("catering.texture_modified", TextureModified.Contains(order.DietCode));

        if (order.AllergenCodes.Count > 0 && order.DietitianNote is null)
        {
            LogAllergensWithoutReview(order.HospitalNumber, order.AllergenCodes.Count); // clean precision-pseudonym
        }

        if (order.DietitianNote is { } note)
        {
            activity?.AddEvent(new ActivityEvent("catering.dietitian_note", tags: new ActivityTagsCollection { ["note"] = note })); // leak TC1001 direct
        }

        var ticket = $"{order.Service.ToUpperInvariant()} {order.Ward}/{order.Bed} {order.FamilyName.ToUpperInvariant()} - {order.MenuItem} [{order.DietCode}]";
        await printer.PrintAsync(order.Ward, ticket, cancellationToken);
        logger.LogDebug("Kitchen ticket printed: {Ticket}", ticket); // leak TC1001 strings

        var line = new KitchenLine(order.Ward, order.Bed, order.MenuItem, order.DietCode, order.HospitalNumber);
        logger.LogInformation("Kitchen line queued {Line}", line); // clean logging-objects
        LogOrderTaken(order.HospitalNumber, order.Service); // leak TC1001 direct

        if (order.DietCode is "NBM")
        {
            logger.LogWarning("Meal ordered for a nil-by-mouth patient {Order}", order); // leak TC1001 logging-objects
            return false;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Allergens recorded for {HospitalNumber} without dietitian review ({Count} codes)")]
    private partial void LogAllergensWithoutReview([PrivateData] string hospitalNumber, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Meal order taken for {HospitalNumber}, service {Service}")]
    private partial void LogOrderTaken(string hospitalNumber, string service);
}
