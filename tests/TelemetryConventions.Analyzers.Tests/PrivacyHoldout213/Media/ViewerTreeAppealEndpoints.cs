namespace PrivacyHoldout213.Media;

public sealed record AppealPledge(string ViewerId, string ViewerName, string Email, string Region, int Trees, string Message);

/// <summary>The programme's tree planting appeal: viewers pledge trees and leave a message read out on air.</summary>
public static class ViewerTreeAppealEndpoints
{
    private static readonly ActivitySource Source = new("PlotCast.Appeal");
    private static readonly Counter<long> Pledged = new Meter("PlotCast.Appeal").CreateCounter<long>("plotcast.appeal.trees");

    public static void Map(EndpointRoutes routes, TreeRegister trees, Pseudonymizer pseudonymizer, ILogger logger)
    {
        routes.MapPost("/appeal", (AppealPledge pledge) => Pledge(pledge, trees, pseudonymizer, logger));
    }

    private static string Pledge(AppealPledge pledge, TreeRegister trees, Pseudonymizer pseudonymizer, ILogger logger)
    {
        using var activity = Source.StartActivity("Pledge");
        activity?.SetTag("plotcast.appeal.region", pledge.Region); // clean precision-names
        activity?.SetTag("plotcast.appeal.trees", pledge.Trees); // clean precision-about
        activity?.SetTag("plotcast.appeal.viewer", pledge.ViewerId); // leak TC1001 direct
        activity?.SetTag("plotcast.appeal.message", pledge.Message); // leak TC1001 direct
        activity?.SetTag("plotcast.appeal.viewer_pseudonym", pseudonymizer.ComputePlotcastClientId(pledge.ViewerId)); // clean precision-pseudonym
        Pledged.Add(pledge.Trees, new KeyValuePair<string, object?>("region", pledge.Region)); // clean precision-names
        Pledged.Add(pledge.Trees, new KeyValuePair<string, object?>("viewer", pledge.ViewerName)); // leak TC1003 direct
        var tree = trees.Plant("hazel", 52.2, 0.1, "appeal-wood");
        var dedication = trees.Dedicate(tree.TreeId, pledge.ViewerName, pledge.Email);
        logger.LogInformation("Pledge {@Pledge}", pledge); // leak TC1001 logging-objects
        logger.LogInformation("Dedication for tree {Tree}: {To}", dedication.TreeId, dedication.DedicatedTo); // leak TC1001 direct
        logger.LogInformation("Dedication for tree {Tree} of {Species}", dedication.TreeId, dedication.Species); // clean precision-names
        var onAir = string.Format("{0} from {1} pledged {2} trees", pledge.ViewerName, pledge.Region, pledge.Trees);
        logger.LogInformation("On air: {Line}", onAir); // leak TC1001 strings
        var donorBucket = HashCode.Combine(pledge.Email, pledge.Region) & 7;
        activity?.SetTag("plotcast.appeal.bucket", donorBucket); // leak TC1002 hashes
        return tree.TreeId;
    }
}
