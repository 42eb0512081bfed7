// Reads the image the gateway app runs now, so re-provisioning keeps what `azd deploy` pushed.
// A module of its own because the same template also declares (and so redeploys) the app.
param name string

resource app 'Microsoft.App/containerApps@2025-01-01' existing = {
  name: name
}

output image string = app.properties.template.containers[0].image
