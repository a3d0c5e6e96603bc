using Fedi.Core.Configuration;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Fedi.Web.Pages;

/// <summary>
/// Local media storage served at /system (MEDIA_ROOT), for when nginx does not serve the folder itself. Files
/// are never rewritten under the same name, so they are cached for a year; nosniff keeps a browser from
/// reading a stored file as anything but its extension's type.
/// </summary>
public static class MediaFilesEndpoints
{
    public static void UseMediaFiles(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<MediaOptions>();
        Directory.CreateDirectory(options.Root);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".avif"] = "image/avif";
        types.Mappings[".heic"] = "image/heic";
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = "/system",
            FileProvider = new PhysicalFileProvider(options.Root),
            ContentTypeProvider = types,
            OnPrepareResponse = context =>
            {
                context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                context.Context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Context.Response.Headers.AccessControlAllowOrigin = "*";
            },
        });
    }
}
