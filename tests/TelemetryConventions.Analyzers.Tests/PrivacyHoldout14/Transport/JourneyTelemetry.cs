using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using PrivacyHoldout14.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout14.Transport;

public abstract record Vehicle(string VehicleId);

public sealed record Bus(string VehicleId, string FleetNumber, string Plate, string Depot) : Vehicle(VehicleId);

public sealed record PrivateCar(string VehicleId, string Plate, string Make) : Vehicle(VehicleId);

public sealed record Tram(string VehicleId, string CarNumber, string Line) : Vehicle(VehicleId);

/// <summary>A fare product: each names itself and its class for telemetry.</summary>
public interface IFareProduct<TSelf>
    where TSelf : IFareProduct<TSelf>
{
    static abstract string Product { get; }

    static abstract int Zones { get; }
}

public sealed record DayRider : IFareProduct<DayRider>
{
    public static string Product => "day-rider";

    public static int Zones => 4;
}

public sealed record SingleFare : IFareProduct<SingleFare>
{
    public static string Product => "single";

    public static int Zones => 1;
}

public static class JourneyTelemetry
{
    public static readonly ActivitySource Source = new("Transport.Journeys");

    public static Activity? TagPassenger(this Activity? activity, Pseudonymizer pseudonymizer, string passengerId) =>
        activity?.SetTag(TripAttributes.PassengerId, pseudonymizer.ComputeTripPassengerId(passengerId)); // clean precision-pseudonym

    public static Activity? TagFare<TProduct>(this Activity? activity)
        where TProduct : IFareProduct<TProduct> =>
        activity?.SetTag("fare.product", TProduct.Product).SetTag("fare.zones", TProduct.Zones); // clean direct

    public static Activity? TagVehicle(this Activity? activity, Vehicle vehicle) => vehicle switch
    {
        Bus bus => activity?.SetTag("vehicle.fleet_number", bus.FleetNumber).SetTag("vehicle.plate", bus.Plate), // clean direct
        Tram tram => activity?.SetTag("vehicle.tram.car", tram.CarNumber).SetTag("vehicle.tram.line", tram.Line), // clean direct
        PrivateCar car => activity?.SetTag("vehicle.plate", car.Plate).SetTag("vehicle.make", car.Make), // leak TC1001 direct
        _ => activity?.SetTag("vehicle.id", vehicle.VehicleId),
    };

    public static TagList DelayTags(string route, string operatorCode, bool peak) =>
        new() { { TripAttributes.Route, route }, { "trip.operator", operatorCode }, { "trip.peak", peak } };
}
