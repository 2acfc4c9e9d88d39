"""The page's panels, each a function of the opened page (``context.Page``) that draws one part of it."""
