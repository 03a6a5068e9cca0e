namespace Peer2Peer.Devnet.OpenvCloud.Model;

/// <summary>Refuses a controller configuration the API could not serve consistently; one clear message per mistake.</summary>
internal static class CatalogueValidation
{
    public static void Check(OpenvCloudControllerOptions c)
    {
        var catalogue = c.Catalogue;
        Require(!string.IsNullOrWhiteSpace(c.Name), "a controller needs a name");
        Require(!string.IsNullOrWhiteSpace(c.ConsumerUsername) && !c.ConsumerUsername.Contains('@'), $"{c.Name}: consumer username must be set and hold no '@'");
        Require(c.Port is >= 0 and <= 65535, $"{c.Name}: port {c.Port} is out of range");
        Require(catalogue.Locations.Count > 0, $"{c.Name}: the catalogue needs at least one location");
        Require(catalogue.Locations.Select(l => l.Code).Distinct().Count() == catalogue.Locations.Count, $"{c.Name}: location codes must be unique");
        Require(catalogue.Sizes.Select(s => s.Id).Distinct().Count() == catalogue.Sizes.Count && catalogue.Sizes.All(s => s.Id > 0),
            $"{c.Name}: size ids must be unique and positive");
        Require(catalogue.Images.Select(i => i.Id).Distinct().Count() == catalogue.Images.Count && catalogue.Images.All(i => i.Id > 0),
            $"{c.Name}: image ids must be unique and positive");
        var codes = catalogue.Locations.Select(l => l.Code).ToHashSet();
        foreach (var size in catalogue.Sizes)
        {
            Require(size.Vcpus > 0 && size.MemoryMiB > 0 && size.Disks.Count > 0, $"{c.Name}: size {size.Id} needs vcpus, memory and disk sizes");
            Require(size.Locations.All(codes.Contains), $"{c.Name}: size {size.Id} names an unknown location");
        }

        foreach (var image in catalogue.Images)
        {
            Require(image.Locations.All(codes.Contains), $"{c.Name}: image {image.Id} names an unknown location");
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
